"""Corrector arguments: checked when it is made, the kind and word filter, fix_many's input checks."""

import inspect
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka import Corrector
from pravka.corrector import KINDS

SENTENCE = "В понедельник прошли беседы с участием росийской делегации."
# One sentence with damage of several kinds: a typo, a Latin letter, glued words, a repeated word.
MIXED = "Переговоры о безопастности в в Женеве вели Poccийские дипломаты, ктобы что ни говорил."


def test_one_dictionary_path_as_a_string_is_one_path(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("росийской\n", encoding="utf-8")
    corrector = Corrector(dictionaries=str(words))
    assert corrector.dictionaries == (str(words),)
    assert corrector.is_known("росийской") and not Corrector().is_known("росийской")
    assert "nonword" not in {f.kind for f in corrector.check(SENTENCE)}
    assert Corrector(dictionaries=words).dictionaries == (str(words),)


def test_a_missing_dictionary_is_named_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="dictionary not found: words.txt$"):
        Corrector(dictionaries="words.txt")


def test_a_wrong_model_fails_at_construction(tmp_path):
    with pytest.raises(FileNotFoundError, match="model not found: nope"):
        Corrector(model="nope")
    junk = tmp_path / "junk.model"
    junk.write_text("не модель", encoding="utf-8")
    with pytest.raises(ValueError, match="not a pravka model"):
        Corrector(model=junk)


@pytest.mark.parametrize(
    "arguments, error, message",
    [
        ({"threshold": "0.5"}, TypeError, "threshold must be a number"),
        ({"threshold": 2}, ValueError, "within"),
        ({"report_threshold": None}, TypeError, "report_threshold"),
        ({"disable": ["typo"]}, ValueError, "unknown kind typo; the kinds are .*nonword"),
        ({"words": [None]}, TypeError, "words must hold strings"),
        ({"words": 5}, TypeError, "words must be a list, got 5"),
        ({"dictionaries": 5}, TypeError, "dictionaries must be a list, got 5"),
        ({"dictionaries": [None]}, TypeError, "dictionaries must be a path"),
        ({"model": 5}, TypeError, "model must be a path"),
    ],
)
def test_bad_arguments_are_clear_errors(arguments, error, message):
    with pytest.raises(error, match=message):
        Corrector(**arguments)


def test_accepted_words_are_not_reported_in_any_case_or_yo_spelling(corrector):
    assert [f.text for f in corrector.check(SENTENCE)] == ["росийской"]
    allowing = Corrector(words=["РОСИЙСКОЙ"])
    assert allowing.check(SENTENCE) == []
    assert allowing.fix(SENTENCE) == SENTENCE
    assert allowing.is_known("Росийской") and not corrector.is_known("росийской")
    assert Corrector(words="ёлкин,росийской").words == {"елкин", "росийской"}


def test_disable_and_only_choose_kinds(corrector):
    kinds = {f.kind for f in corrector.check(MIXED)}
    assert {"nonword", "homoglyph", "repeat", "glued"} <= kinds
    assert {f.kind for f in Corrector(disable=["homoglyph", "repeat"]).check(MIXED)} == kinds - {"homoglyph", "repeat"}
    assert {f.kind for f in Corrector(only=["homoglyph"]).check(MIXED)} == {"homoglyph"}
    assert "Poccийские" in Corrector(disable="homoglyph").fix(MIXED)
    assert {f.kind for f in Corrector(only=["homoglyph", "repeat"], disable=["repeat"]).check(MIXED)} == {"homoglyph"}


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(KINDS)))
def test_disabling_kinds_removes_exactly_those_findings(corrector, disabled):
    everything = corrector.check(MIXED)
    assert Corrector(disable=disabled).check(MIXED) == [f for f in everything if f.kind not in disabled]


def test_kinds_are_the_ones_the_server_has_rules_for():
    from pravka.shells.lt_format import RULES

    assert set(KINDS) == set(RULES)


def test_none_in_fix_many_is_a_type_error_naming_its_index(corrector):
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, got NoneType"):
        list(corrector.fix_many(["росийской", "всё хорошо", None]))
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, got int"):
        list(corrector.check_many(["росийской", 5], jobs=2))
    with pytest.raises(TypeError, match="not one str"):
        list(corrector.fix_many("росийской"))
    with pytest.raises(TypeError, match="text must be str"):
        corrector.check(b"\xd0\xb0")
    with pytest.raises(ValueError, match="jobs"):
        corrector.fix_many([], jobs=0)


def test_filtering_corrector_stays_small_and_picklable():
    corrector = Corrector(words=["росийской"], disable=["ocr"])
    data = pickle.dumps(corrector)
    assert len(data) < 1000
    clone = pickle.loads(data)
    assert clone.check(SENTENCE) == [] and clone.disable == {"ocr"}


def test_every_public_method_has_a_docstring():
    public = [name for name, _ in inspect.getmembers(Corrector) if not name.startswith("_")]
    assert {"check", "fix", "check_many", "fix_many", "suggest", "is_known", "lexicon"} <= set(public)
    assert Corrector.__doc__
    for name in public:
        assert inspect.getdoc(getattr(Corrector, name)), name
