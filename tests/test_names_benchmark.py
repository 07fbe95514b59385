"""Pure helpers of benchmarks/names.py (no natasha, no shared data)."""

from benchmarks.names import align_tokens, in_name_dictionary, label_pair, mid_sentence_capitalized, name_lemmas


def test_mid_sentence_capitalized_skips_sentence_starts_and_abbreviations():
    text = "Вчера Блинкен встретился с НАТО. Столтенберг приехал к «Рябкову»."
    assert [word for _, _, _, word in mid_sentence_capitalized(text)] == ["Блинкен", "Рябкову"]
    index, start, end, word = mid_sentence_capitalized(text)[1]
    assert text[start:end] == word and index == 8


def test_align_tokens_pairs_equal_and_similar_replacements_only():
    source = "мы видели Пугочеву и Роберт Дауни".split()
    target = "мы видели Пугачеву и Дауни Роберт".split()
    pairs = align_tokens(source, target)
    assert pairs[2] == 2 and pairs[3] == 3
    assert pairs[4] == 5 and 5 not in pairs  # «Роберт» is kept; «Дауни» moved, it is not a respelling


def test_label_pair_names_and_errors():
    items, skipped = label_pair(
        "песню пела Пугочева , а слушал Штольц .",
        "песню пела Пугачева , а слушал Штольц .",
        is_known=lambda word: False,
        origin="test",
    )
    assert [(item.word, item.label, item.expected) for item in items] == [
        ("Пугочева", "error", "Пугачева"),
        ("Штольц", "name", None),
    ]
    assert skipped == 0


def test_name_lemmas_undo_case_endings():
    assert "блинкен" in name_lemmas("Блинкена")
    assert "рябков" in name_lemmas("Рябковым")
    assert "пугачева" in name_lemmas("Пугачевой")
    assert in_name_dictionary("Йенса", frozenset({"йенс"}))
    assert not in_name_dictionary("Росийской", frozenset({"йенс"}))
