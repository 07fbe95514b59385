"""The shipped usage model: package data, compiled once into the cache, real Russian word use, mixing."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka import Corrector, usage
from pravka.lm import MAX_EVIDENCE, NgramModel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model():
    return usage.default_model()


def test_the_table_ships_as_package_data_with_its_notice():
    assert usage.table_file().is_file()
    assert (usage.table_file().parent / "usage-bigrams.NOTICE.txt").is_file()
    package_data = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.setuptools.package-data]")[1]
    assert f'"data/{usage.TABLE}"' in package_data and '"data/usage-bigrams.NOTICE.txt"' in package_data
    assert len(usage.table_file().read_bytes()) < 5_000_000  # a light install


def test_compiled_once_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRAVKA_CACHE_DIR", str(tmp_path))
    path = usage.compiled_path()
    assert path.parent == tmp_path and not path.exists()
    usage.default_model.cache_clear()
    try:
        first = usage.default_model()
        assert Path(first.path) == path and path.is_file()
        stamp = os.stat(path).st_mtime_ns
        usage.default_model.cache_clear()
        again = usage.default_model()
        assert os.stat(path).st_mtime_ns == stamp  # opened, not compiled again
        assert again.context_logprob("море", "в", None) == first.context_logprob("море", "в", None)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pravka-")] == []  # no temporary left
    finally:
        usage.default_model.cache_clear()


@pytest.mark.parametrize(
    "right_one, wrong_one, left, right",
    [
        ("нравится", "нравиться", "мне", None),  # «мне нравится»
        ("учиться", "учится", "надо", None),  # «надо учиться»
        ("не", "ни", "я", "знаю"),  # «я не знаю»
        ("иностранных", "зарубежных", "министр", "дел"),  # the fixed name of the office
        ("тоже", "также", "я", "так"),
        ("может", "можно", "он", "быть"),
    ],
)
def test_prefers_the_form_russians_write_between_these_neighbours(model, right_one, wrong_one, left, right):
    assert model.context_logprob(right_one, left, right) > model.context_logprob(wrong_one, left, right)


def test_words_never_seen_say_nothing(model):
    assert model.context_logprob("ыщвкпр", "в", None) == 0.0
    assert model.context_logprob("море", "ыщвкпр", "ыщвкпр") == 0.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["в", "море", "мире", "не", "знаю", "я", "дом", "жили", "были", "ыщ"]), min_size=1, max_size=3
    )
)
def test_evidence_is_bounded_and_mixing_a_model_with_itself_changes_nothing(model, words):
    word, left, right = words[0], (words[1:2] or [None])[0], (words[2:3] or [None])[0]
    evidence = model.context_logprob(word, left, right)
    assert -MAX_EVIDENCE <= evidence <= MAX_EVIDENCE
    assert usage.InterpolatedModel(model, model, 0.3).context_logprob(word, left, right) == pytest.approx(evidence)
    run = model.run_logprob(words)
    mixed_run = usage.InterpolatedModel(model, model, 0.3).run_logprob(words)
    assert mixed_run is None if run is None else mixed_run == pytest.approx(run)


SEA = [
    "Летом мы каждый день купались в море.",
    "Вода в море была тёплой и прозрачной.",
    "Дети строили замки на берегу и купались в море до вечера.",
    "Корабль вышел в море на рассвете.",
    "Старый рыбак рассказывал о мире за горизонтом.",
    "В море водится много рыбы, и рыбаки уходят в море затемно.",
    "Мы купались в море каждое утро, пока не начались шторма.",
    "Ветер стих, и в море снова вышли лодки.",
]


def test_a_users_model_is_mixed_into_the_usage_model(tmp_path, model):
    own = NgramModel.build(SEA, tmp_path / "sea.db")
    mixed = usage.context_model(own.path)
    assert isinstance(mixed, usage.InterpolatedModel)
    # in general text «в мире» is the likelier reading; the newsroom at sea says otherwise
    assert model.context_logprob("мире", "в", None) > model.context_logprob("море", "в", None)
    assert mixed.context_logprob("море", "в", None) > mixed.context_logprob("мире", "в", None)
    assert isinstance(usage.context_model(own.path, usage=False), NgramModel)
    assert usage.context_model(None).path == model.path and usage.context_model(None, usage=False) is None


def test_every_corrector_has_the_usage_model_unless_told_otherwise():
    # (by path: another test may have reopened the usage model since the shared context was made)
    assert Corrector()._context.model.path == usage.default_model().path
    assert Corrector(usage_model=False)._context.model is None


def test_one_hyphen_rule_prefers_what_edited_text_writes(model, lexicon):
    # «как-бы» is a hyphen edited text never writes; «кто-то» it writes, so it stays; «бизнес-план»
    # it writes in no spelling, so the counts cannot judge.
    [(spaced, share), *_] = usage.hyphen_spellings("как-бы", model, lexicon)
    assert spaced == "как бы" and share > 0.95
    assert usage.hyphen_spellings("кто-то", model, lexicon) is None
    assert usage.hyphen_spellings("бизнес-план", model, lexicon) == []
    assert usage.hyphen_spellings("как бы", model, lexicon) is None
