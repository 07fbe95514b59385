from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize

from pravka.tokenize import _pieces, classify, glue, tokenize


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(text)]


def test_offsets_point_into_the_input():
    text = "Госдеп  заявил,\nчто «переговоры» продолжатся."
    for token in tokenize(text):
        assert text[token.start : token.stop] == token.text


def test_mixed_script_word_is_glued_back_into_one_token():
    # «Poccия» with Latin P, o, c: razdel alone cuts it at the script change.
    assert kinds("В Poccия пришла весна") == [("В", "word"), ("Poccия", "word"), ("пришла", "word"), ("весна", "word")]


def test_urls_emails_mentions_and_hashtags_are_single_non_word_tokens():
    tokens = kinds("Пишите на редакция@почта.рф или https://пример.рф/статья?id=5, #новости @редактор")
    assert ("редакция@почта.рф", "email") in tokens
    assert ("https://пример.рф/статья?id=5", "url") in tokens
    assert ("#новости", "hashtag") in tokens
    assert ("@редактор", "mention") in tokens
    assert (",", "punct") in tokens


def test_numbers_latin_words_and_model_names_are_not_spelling_material():
    tokens = dict(kinds("Самолёт Ту-154 и вирус COVID-19 упомянуты в RTVI, цена 10,5"))
    assert tokens["Ту-154"] == "number"
    assert tokens["COVID-19"] == "number"
    assert tokens["RTVI"] == "latin"
    assert tokens["10,5"] == "number"
    assert tokens["Самолёт"] == "word"


def test_hyphenated_words_stay_whole():
    assert ("пресс-секретарь", "word") in kinds("Об этом сказал пресс-секретарь по-прежнему")


def fast_tokens(text):
    tokens = []
    _pieces(text, 0, tokens)
    return tokens


def fast_pieces(text):
    return [(token.start, token.stop, token.text) for token in fast_tokens(text)]


def razdel_pieces(text):
    return glue((piece.start, piece.stop, piece.text) for piece in razdel_tokenize(text))


FRAGMENTS = [
    "слово",
    "Poccия",
    "безопас-",
    "ности",
    "пресс-",
    "секретарь",
    ",новых",
    "т.е.",
    "10,5",
    "«Газеты.Ru»",
    "—",
    "кто-то",
    "H2O",
    "н0вых",
    "при\u00adвет",
    "!",
    "...",
    "(да)",
    "ёж",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from([" ", "\n", "  ", "\t", ""])), max_size=10))
def test_fast_path_agrees_with_razdel_on_plain_words(parts):
    # Plain-letter runs bypass razdel for speed: razdel on the whole text must cut them the same way
    # (a word broken across lines, «безопас-\nности», still goes through razdel).
    text = "".join(fragment + space for fragment, space in parts)
    fast = fast_pieces(text)
    reference = razdel_pieces(text)
    assert "".join(piece for _, _, piece in fast) == "".join(piece for _, _, piece in reference)
    plain = {
        (s, e, t)
        for s, e, t in reference
        if t.isalpha() and (s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace())
    }
    assert plain <= set(fast)
    assert all(token.kind == classify(token.text) for token in fast_tokens(text))  # kinds read off the fast path


MARKED = [
    "«Слово»,",
    "(да)",
    "да?!",
    "он:)",
    ";(((",
    "ушёл...",
    "**",
    "“так”.",
    "[1]",
    "Yahoo!",
    "бyahoo!",
    "10,5",
    "т.е.",
    "№5",
    "@",
    "/",
    "слово",
    "Poccия,",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MARKED), st.sampled_from([" ", "\n", "  ", "\t"])), max_size=10))
def test_runs_of_letters_and_marks_are_cut_as_razdel_cuts_them(parts):
    # Without dashes or underscores no razdel rule reaches across a space, so the runs that bypass
    # razdel («слово», «(да)», «он:)») must come out exactly as razdel cuts the whole text.
    text = "".join(fragment + space for fragment, space in parts)
    assert fast_pieces(text) == razdel_pieces(text)
    assert all(token.kind == classify(token.text) for token in fast_tokens(text))


def test_a_dash_across_the_space_still_reaches_razdel():
    # Razdel joins «слово—» when a word follows the dash; «другое,» must not be cut apart from it.
    pieces = [piece for _, _, piece in fast_pieces("слово— другое, и")]
    assert pieces == ["слово—", "другое", ",", "и"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS + MARKED), max_size=5),
    st.sampled_from(["—", "–", "-", "‑", "−"]),
    st.lists(st.sampled_from(FRAGMENTS + MARKED), max_size=5),
)
def test_a_dash_standing_alone_is_a_token_that_cuts_nothing_around_it(before, dash, after):
    # «— Да, — сказал он»: dialogue dashes skip razdel, because razdel never reads a lone dash from
    # the run beside it (its dash and underscore rules take a mark there for nothing at all).
    left, right = " ".join(before), " ".join(after)
    text = f"{left} {dash} {right}"
    shift = len(left) + 3
    alone = [*razdel_pieces(left), (len(left) + 1, len(left) + 2, dash)]
    alone += [(start + shift, stop + shift, piece) for start, stop, piece in razdel_pieces(right)]
    assert razdel_pieces(text) == alone
    assert (len(left) + 1, len(left) + 2, dash, "punct") in [
        (t.start, t.stop, t.text, t.kind) for t in fast_tokens(text)
    ]


SYMBOL_RUNS = ["\ufffd\ufffd\ufffd", "€", "☺☺", "é", "\ufffdа", "×"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(MARKED + SYMBOL_RUNS), st.sampled_from([" ", "\n", "  ", "\t"])), max_size=10)
)
def test_runs_of_characters_razdel_has_no_class_for_are_cut_as_razdel_cuts_them(parts):
    # «�����» (a text decoded with the wrong code page), «€»: one token each, as razdel joins them.
    text = "".join(fragment + space for fragment, space in parts)
    assert fast_pieces(text) == razdel_pieces(text)
    assert all(token.kind == classify(token.text) for token in fast_tokens(text))


def test_a_dash_across_the_space_still_reaches_a_run_of_symbols():
    # Razdel's dash rule joins «слово—» and «—то» when a run of symbols stands beside the dash, as it
    # would when a word does: the symbols go to razdel with their neighbours.
    symbols = "\ufffd\ufffd\ufffd"
    for text in (f"слово— {symbols} и", f"и {symbols} —то"):
        assert fast_pieces(text) == razdel_pieces(text)
    assert [piece for _, _, piece in fast_pieces(f"слово— {symbols} и")] == ["слово—", symbols, "и"]
    assert [piece for _, _, piece in fast_pieces(f"и {symbols} —то")] == ["и", symbols, "—то"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["из-за", "что-то", "1902", "т.е.", "10,5", "слово"]), st.sampled_from([" ", "\n"])),
        min_size=1,
        max_size=12,
    )
)
def test_a_stretch_razdel_cut_before_is_cut_alike_wherever_it_recurs(parts):
    # Razdel's pieces of a stretch are kept by the stretch's text: met again elsewhere, at another
    # offset and among other neighbours, it gives the tokens razdel gives there.
    text = "".join(fragment + space for fragment, space in parts)
    tokens = tokenize(text)
    assert tokenize(text) == tokens
    assert [(t.start, t.stop, t.text) for t in tokens] == [(s, e, p) for s, e, p in razdel_pieces(text)]
    assert all(text[t.start : t.stop] == t.text and t.kind == classify(t.text) for t in tokens)


def test_a_long_stretch_is_cut_by_razdel_without_being_kept():
    from pravka.tokenize import MAX_CACHED_STRETCH, _razdel_cut_cached

    run = "-".join(["1902"] * MAX_CACHED_STRETCH)
    kept = _razdel_cut_cached.cache_info().currsize
    assert [t.text for t in tokenize(f"в {run} году")] == ["в", run, "году"]
    assert _razdel_cut_cached.cache_info().currsize == kept


def test_a_numeral_keeps_its_ending_in_one_token():
    assert kinds("в 90ых годах, в 1950-1960ых и 60е")[1:] == [
        ("90ых", "number"), ("годах", "word"), (",", "punct"), ("в", "word"), ("1950-1960ых", "number"),
        ("и", "word"), ("60е", "number"),
    ]  # fmt: skip
    # a word glued to a year is a word, not an ending
    assert ("году", "word") in kinds("в 2010году")
