"""The screen (detect.screen) skips only lines no detector could report on: findings never change."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka import Corrector
from pravka.detect import DETECTORS, Document, run_detectors
from pravka.detect.screen import Screen, compiled_verdicts, shared_screen
from pravka.tokenize import tokenize

CLEAN = [
    "Переговоры в Женеве продолжались около четырёх часов.",
    "Министр иностранных дел сказал журналистам, что встреча была полезной.",
    "Стороны договорились продолжить консультации в следующем месяце.",
    "Погода в тот день выдалась тёплой и солнечной.",
    # A rule's word without the neighbour the rule needs: «также», «-тся», «бы», «то», «не».
    "Это также является важным вопросом.",
    "Он бы пришёл, но заболел.",
    "Это не просто слова, а то, что было на самом деле.",
    "В то время шёл дождь.",
]
DAMAGED = [
    "Переговоры продллялись около четырёх часов.",  # nonword
    "Делегация росийской стороны прибыла вчера.",  # nonword
    "Министр обьявила , что встреча состоится.",  # nonword, punctuation
    "Он хочет учится в Москве.",  # context (-тся/-ться)
    "Мы пришли в в Женеву утром.",  # repeat
    "Это было в вторник, кто то говорил.",  # preposition, split
    "Poccийские дипломаты ответили.",  # homoglyph
    "Вопросы безопас-",  # hyphenation across the line break, with the next line
    "ности обсуждались долго.",
    "Я ни знаю, что сказать.",  # context (не/ни)
    "международная сторонтраница так и не получила ответа",  # blend
    "Ктобы мог подумать, что это н0вых встреч.",  # glued, ocr
    "Ето было седня.",  # variant
    "Жизнь‒это дорога, а не вокзал.",  # a figure dash glued to words: every unit
    # The realword and split rules, each found by its pair test.
    "Кто бы не пришёл, его встретят.",
    "Он точно также смеялся.",
    "В тоже время шёл дождь.",
    "Он учиться хорошо.",
    "Они хотят не ссорится.",
    "Он купил пол литра молока.",
    "По моему, это правда.",
    "Мне не понятно это правило.",
    "Кое как он дошёл.",
    # Damage an unknown word on the line does not bring to its unit.
    "Штольц пришёл в в гости , и он хочет учится.",
    "Обломов и Штольц ф школу не ходили.",
]


def whole_text_findings(corrector, text):
    document = Document(
        text, tokenize(text), corrector.lexicon, corrector.suggest, corrector.report_threshold, corrector._context
    )
    return [(f.start, f.end, f.kind, f.suggestions[:1]) for f in run_detectors(document)]


def screened_findings(corrector, text):
    return [(f.start, f.end, f.kind, f.suggestions[:1]) for f in corrector._detect(text)]


def test_clean_lines_are_not_analysed(corrector):
    screen = shared_screen(DETECTORS, corrector.lexicon)
    assert screen.blocks("\n".join(CLEAN)) == []


def test_a_symbol_between_spaces_needs_no_analysis_and_one_touching_a_word_does(corrector):
    screen = shared_screen(DETECTORS, corrector.lexicon)
    assert screen.dispatch("Жизнь ‒ это дорога, по которой идёт человек.") == []
    assert screen.dispatch("Погода была тёплой 🙂 и солнечной.") == []
    [(_, _, units)] = screen.dispatch("Жизнь‒это дорога.")  # razdel glues the figure dash to the words
    assert units == DETECTORS


def test_a_block_is_analysed_only_by_the_units_flagged_on_it(corrector):
    screen = shared_screen(DETECTORS, corrector.lexicon)
    [(_, _, units)] = screen.dispatch("Он хочет учится в Москве.")
    assert "realword" in {unit.name for unit in units}
    assert "nonword" not in {unit.name for unit in units}
    [(_, _, units)] = screen.dispatch("Делегация росийской стороны прибыла вчера.")
    names = {unit.name for unit in units}
    assert {"nonword", "split", "blend"} <= names  # an unknown word concerns the units that read one
    assert not names & {"repeat", "punctuation", "confusion"}  # their tests see damage in any word


def test_a_damaged_line_is_analysed_with_the_lines_its_sentence_runs_into(corrector):
    screen = shared_screen(DETECTORS, corrector.lexicon)
    lines = [*CLEAN, DAMAGED[1], *CLEAN]  # a sentence a line: no rule reads across their breaks
    text = "\n".join(lines)
    [(start, end)] = screen.blocks(text)
    assert text[start:end] == DAMAGED[1] + "\n"
    wrapped = "Вчера в Женеве\nделегация росийской стороны\nпровела переговоры.\nПотом все ушли."
    [(start, end)] = screen.blocks(wrapped)
    assert wrapped[start:end] == "Вчера в Женеве\nделегация росийской стороны\nпровела переговоры.\n"
    assert screened_findings(corrector, wrapped) == whole_text_findings(corrector, wrapped)


def test_every_damaged_line_keeps_its_findings(corrector):
    for line in DAMAGED:
        assert screened_findings(corrector, line) == whole_text_findings(corrector, line)
    text = "\n".join(DAMAGED)
    assert screened_findings(corrector, text) == whole_text_findings(corrector, text)
    assert {kind for _, _, kind, _ in screened_findings(corrector, text)} >= {
        "nonword",
        "punctuation",
        "context",
        "repeat",
        "preposition",
        "split",
        "homoglyph",
        "hyphenation",
        "blend",
        "glued",
        "variant",
    }


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(CLEAN + DAMAGED), min_size=1, max_size=12), st.sampled_from(["\n", "\n\n", " "]))
def test_screened_findings_equal_the_whole_texts(corrector, lines, separator):
    text = separator.join(lines)
    assert screened_findings(corrector, text) == whole_text_findings(corrector, text)


TRIGGER_PATTERNS = [d.triggers.text for d in DETECTORS if d.triggers is not None and d.triggers.text is not None]


def test_a_pre_test_is_read_off_each_character_trigger(corrector):
    from pravka.detect.screen import required_characters

    pretests = {d.name: required_characters(d.triggers.text) for d in DETECTORS if d.triggers and d.triggers.text}
    assert pretests["homoglyph"].search("Poccия") and not pretests["homoglyph"].search("Россия")
    assert not pretests["ocr"].search("новых встреч")
    assert required_characters(__import__("re").compile(r"(?i)abc")) is None  # case folding: no pre-test


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="аяАЯёЁaAxXoOpP0346iі,.;:!?… \n\t-\u00ad\u200b\u2010—", max_size=12),
    st.sampled_from(TRIGGER_PATTERNS),
)
def test_every_match_of_a_trigger_passes_its_pre_test(text, pattern):
    from pravka.detect.screen import required_characters

    pretest = required_characters(pattern)
    if pattern.search(text):
        assert pretest is None or pretest.search(text)


def fully_tested_units(screen, text):
    """What ``dispatch`` flags, found the plain way: every word's and pair's every test run, nothing
    skipped for a unit the line already has."""
    from itertools import pairwise

    from pravka.detect.screen import WORD

    units = 0
    for pattern, unit, _ in screen.characters:
        if pattern.search(text):
            units |= unit
    found = WORD.findall(text)
    for word in found:
        units |= screen.word_units(word)
    for left, right in pairwise(found):
        units |= screen.pair_units(left, right)
    return units


# A spoken form and a split pair on a line whose unknown name flags their units already, and alone.
SETTLED = ["Штольц щас придёт, кто то звонил.", "Я щас приду.", "Вчера кто то звонил."]


def test_a_test_skipped_on_a_flagged_line_runs_where_it_is_needed(corrector):
    from pravka.detect.screen import Screen

    screen = Screen(DETECTORS, corrector.lexicon)
    screen.dispatch(SETTLED[0])  # «щас» and «кто то» met first where nonword and split are flagged
    for line in SETTLED[1:]:
        assert screen.dispatch(line) == Screen(DETECTORS, corrector.lexicon).dispatch(line) != []
    assert [unit.name for _, _, units in screen.dispatch(SETTLED[2]) for unit in units] == ["split"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CLEAN + DAMAGED + SETTLED), min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_what_a_line_is_flagged_for_never_depends_on_the_lines_seen_before(corrector, lines, random):
    # A word or pair first met on a flagged line skips the tests of the units flagged there: whichever
    # lines came before, a line's units are those of every test run on it.
    from pravka.detect.screen import Screen

    seen_in_some_order = Screen(DETECTORS, corrector.lexicon)
    for line in random.sample(lines, len(lines)):
        seen_in_some_order.dispatch(line)
    for line in lines:
        expected = fully_tested_units(Screen(DETECTORS, corrector.lexicon), line)
        dispatched = seen_in_some_order.dispatch(line)
        assert dispatched == Screen(DETECTORS, corrector.lexicon).dispatch(line)
        assert {unit.name for _, _, units in dispatched for unit in units} == {
            unit.name for bit, unit in enumerate(DETECTORS) if expected >> bit & 1
        }


def _compiled(corrector):
    return shared_screen(DETECTORS, corrector.lexicon).compiled


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_compiled_verdict_is_the_one_the_tests_give(corrector, data):
    """The verdicts compiled once into the cache are those a fresh screen finds running every test."""
    compiled = _compiled(corrector)
    word = data.draw(st.sampled_from(compiled.keys()))
    assert compiled[word] == Screen(DETECTORS, corrector.lexicon).word_units(word)


def test_the_compiled_verdicts_cover_the_written_vocabulary_in_any_letter_case(corrector):
    compiled = _compiled(corrector)
    assert all(word in compiled for word in ("переговоры", "министр", "погода"))
    assert "умаляю" in compiled  # a rare written word (zipf 2.1)
    assert "росийской" not in compiled  # a misspelling web text has: not known, so not compiled
    assert "спичей" not in compiled  # a dictionary form web text never showed: tested when met
    screen = Screen(DETECTORS, corrector.lexicon, compiled)
    assert screen.word_units("Переговоры") == screen.word_units("ПЕРЕГОВОРЫ") == compiled["переговоры"]
    assert not screen._words.keys() - {"Переговоры", "ПЕРЕГОВОРЫ"}  # no test ran: both were read off


def test_the_compiled_verdicts_cover_a_written_word_spelt_with_е_for_ё(corrector):
    # Most texts write «еще», «черный»: their verdicts are read off too, not found by the tests.
    compiled = _compiled(corrector)
    for written, spelt in (("ещё", "еще"), ("чёрный", "черный"), ("её", "ее")):
        assert written in compiled and spelt in compiled
        assert compiled[spelt] == Screen(DETECTORS, corrector.lexicon).word_units(spelt)


@pytest.mark.parametrize("text", ["\n".join(CLEAN + DAMAGED), "\n".join(DAMAGED[::-1] + CLEAN[::-1])])
def test_a_screen_with_compiled_verdicts_dispatches_like_one_without(corrector, text):
    with_table = Screen(DETECTORS, corrector.lexicon, _compiled(corrector))
    assert with_table.dispatch(text) == Screen(DETECTORS, corrector.lexicon).dispatch(text)


def test_a_lexicon_with_the_users_word_lists_has_no_compiled_verdicts(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("переговорщица\n", encoding="utf-8")
    assert compiled_verdicts(DETECTORS, Corrector(dictionaries=words).lexicon) == {}
