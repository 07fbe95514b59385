"""Hand-computed checks of the SpellRuEval metric in benchmarks/spellrueval_metric.py.

Every expected value below was worked out by hand from the metric's definition (tokenize, align,
keep the changed groups, count keys with identical corrected words). No data files are read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.spellrueval_metric import (  # noqa: E402
    Scorer,
    compare_sentence,
    corrections,
    evaluate,
    tokenize,
)


# --------------------------------------------------------------------------- tokenization


def test_tokenize_drops_punctuation_case_and_yo():
    assert tokenize("«Ёлка», — сказал  Пётр!!") == ["елка", "сказал", "петр"]


def test_tokenize_keeps_inner_punctuation():
    assert tokenize("по-русски, 2,5 кг... (т.е.)") == ["по-русски", "2,5", "кг", "т.е"]


def test_tokenize_drops_tokens_without_letters_or_digits():
    assert tokenize("  -- ... ?!  ") == []


# --------------------------------------------------------------------------- single sentences


def test_identity_has_no_corrections():
    result = compare_sentence("Я пошёл домой.", "я пошел домой", "Я пошёл домой.")
    assert result.gold == {}
    assert result.answer == {}


def test_one_substitution_true_positive():
    result = compare_sentence("я пошол домой", "я пошел домой", "я пошел домой")
    assert result.gold == {(1, 2): ("пошел",)}
    assert result.answer == {(1, 2): ("пошел",)}
    assert result.true_positives == [(1, 2)]


def test_wrong_fix_counts_against_precision_and_recall():
    result = compare_sentence("я пошол домой", "я пошел домой", "я пашол домой")
    assert result.answer == {(1, 2): ("пашол",)}
    assert result.true_positives == []
    assert result.wrong_fixes == [(1, 2)]
    score = evaluate(["я пошол домой"], ["я пошел домой"], ["я пашол домой"])
    assert (score.true_positives, score.answer_corrections, score.gold_corrections) == (0, 1, 1)
    assert score.precision == 0.0 and score.recall == 0.0 and score.f1 == 0.0


def test_changing_a_correct_word_counts_against_precision_only():
    result = compare_sentence("я пошол домой", "я пошел домой", "ты пошел домой")
    assert result.answer == {(0, 1): ("ты",), (1, 2): ("пошел",)}
    assert result.false_alarms == [(0, 1)]
    score = evaluate(["я пошол домой"], ["я пошел домой"], ["ты пошел домой"])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 / 3)


def test_punctuation_case_and_yo_in_the_answer_are_ignored():
    result = compare_sentence("Ёжик пашол в лес", "Ежик пошел в лес", "ЁЖИК, пошёл в лес!")
    assert result.gold == {(1, 2): ("пошел",)}
    assert result.answer == {(1, 2): ("пошел",)}


def test_merge_is_keyed_on_both_source_words():
    source, gold = "мне не понятно это", "мне непонятно это"
    result = compare_sentence(source, gold, "мне непонятно это")
    assert result.gold == {(1, 3): ("непонятно",)}
    assert result.answer == {(1, 3): ("непонятно",)}
    assert result.true_positives == [(1, 3)]


def test_untouched_merge_is_a_miss_not_two_groups():
    result = compare_sentence("мне не понятно это", "мне непонятно это", "мне не понятно это")
    assert result.answer == {}
    assert result.misses == [(1, 3)]


def test_answer_is_forced_onto_the_gold_merge_span():
    # The answer changes only the second word; since the gold corrects «не понятно» as one group,
    # the answer's two groups are merged onto the same key and count as one wrong fix.
    result = compare_sentence("мне не понятно это", "мне непонятно это", "мне не понятна это")
    assert result.answer == {(1, 3): ("не", "понятна")}
    assert result.wrong_fixes == [(1, 3)]


def test_split_is_keyed_on_the_glued_word():
    result = compare_sentence("ктобы это знал", "кто бы это знал", "кто бы это знал")
    assert result.gold == {(0, 1): ("кто", "бы")}
    assert result.answer == {(0, 1): ("кто", "бы")}
    assert result.true_positives == [(0, 1)]


def test_shifted_space_is_two_minimal_groups():
    # «нез наю» -> «не знаю»: in the character alignment the end of «нез»/«не» and of «наю»/«знаю»
    # coincide, so the stretch splits into two one-word corrections.
    result = compare_sentence("я нез наю", "я не знаю", "я не знаю")
    assert result.gold == {(1, 2): ("не",), (2, 3): ("знаю",)}
    assert len(result.true_positives) == 2


def test_repeated_word_deletes_the_first_copy():
    # As in the reference scorer, the second «в» is the anchor and the first one is deleted.
    result = compare_sentence("зашел в в магазин", "зашел в магазин", "зашел в магазин")
    assert result.gold == {(1, 2): ()}
    assert result.true_positives == [(1, 2)]


def test_insertion_of_a_missing_word():
    result = compare_sentence("я домой", "я пошел домой", "я пошел домой")
    assert result.gold == {(1, 1): ("пошел",)}
    assert result.true_positives == [(1, 1)]


def test_corrections_on_word_lists():
    assert corrections(["а", "б", "в"], ["а", "б", "в"]) == {}
    assert corrections(["а", "бб", "в"], ["а", "б", "в"]) == {(1, 2): ("б",)}


# --------------------------------------------------------------------------- corpus


def test_micro_average_over_sentences():
    sources = ["я пошол домой", "мне не понятно это", "ктобы это знал", "все хорошо"]
    golds = ["я пошел домой", "мне непонятно это", "кто бы это знал", "все хорошо"]
    answers = [
        "я пошел домой",  # TP
        "мне не понятно это",  # miss
        "кто бы это знал",  # TP
        "все харашо",  # false alarm
    ]
    score = evaluate(sources, golds, answers)
    assert (score.true_positives, score.answer_corrections, score.gold_corrections) == (2, 3, 3)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_scorer_accumulates_like_evaluate():
    scorer = Scorer()
    scorer.add("я пошол домой", "я пошел домой", "я пошел домой")
    scorer.add("все хорошо", "все хорошо", "все харашо")
    assert scorer.score.as_dict()["tp"] == 1
    assert scorer.score.precision == pytest.approx(0.5)
    assert scorer.score.recall == pytest.approx(1.0)


def test_undefined_scores_are_none():
    score = evaluate(["все хорошо"], ["все хорошо"], ["все хорошо"])
    assert score.precision is None and score.recall is None and score.f1 is None


# --------------------------------------------------------------------------- harness helpers


def test_apply_replacements_right_to_left_skipping_overlaps():
    from benchmarks.quality import apply_replacements

    text = "я пашол дамой"
    assert apply_replacements(text, [(2, 7, "пошел"), (8, 13, "домой")]) == "я пошел домой"
    # the second span overlaps the first one applied (right to left) and is skipped
    assert apply_replacements(text, [(8, 13, "домой"), (6, 10, "X")]) == "я пашол домой"


def test_ispell_answer_lines_are_parsed_with_character_offsets():
    from benchmarks.peers import first_suggestion_answer, parse_answer

    line = "Превед, как дила? пашол"
    flag = parse_answer("& дила 15 13: дела, дала", line)
    assert (flag.start, flag.end, flag.suggestions[0]) == (12, 16, "дела")
    assert parse_answer("# пашол 19", line).suggestions == ()
    assert parse_answer("*", line) is None
    assert parse_answer("+ туман", line) is None
    flags = [flag, parse_answer("& Превед 1 1: Пред", line)]
    assert first_suggestion_answer(line, flags) == "Пред, как дела? пашол"
