"""LanguageTool JSON rendering: exact shape, UTF-16 offsets, rule mapping, annotated documents."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pravka import Finding, Suggestion
from pravka.shells.lt_format import (
    RULES,
    AnnotationError,
    Utf16Offsets,
    annotated_document,
    filter_matches,
    lt_response,
    rule_for,
    utf16_len,
)

SENTENCE = "В понедельник прошли беседы с участием росийской делегации."


def _finding(text: str, word: str, kind: str = "nonword", fix: str | None = "российской") -> Finding:
    start = text.index(word)
    suggestions = [Suggestion("российской", 0.99, "doubled"), Suggestion("русской", 0.01, "edit")]
    return Finding(start, start + len(word), word, kind, suggestions, fix)


def test_exact_shape_of_a_response():
    response = lt_response(SENTENCE, [_finding(SENTENCE, "росийской")])
    assert set(response) == {"software", "warnings", "language", "matches"}
    assert set(response["software"]) == {"name", "version", "buildDate", "apiVersion", "premium", "status"}
    assert response["software"]["apiVersion"] == 1 and response["software"]["premium"] is False
    assert response["warnings"] == {"incompleteResults": False}
    assert response["language"] == {
        "name": "Russian",
        "code": "ru-RU",
        "detectedLanguage": {"name": "Russian", "code": "ru-RU", "confidence": 1.0},
    }
    (match,) = response["matches"]
    start = SENTENCE.index("росийской")
    assert match == {
        "message": match["message"],
        "shortMessage": "Опечатка",
        "replacements": [{"value": "российской"}, {"value": "русской"}],
        "offset": start,
        "length": 9,
        "context": {"text": SENTENCE, "offset": start, "length": 9},  # within 40 chars: no "..."
        "sentence": SENTENCE,
        "type": {"typeName": "UnknownWord"},
        "rule": {
            "id": "PRAVKA_NONWORD_SPELLER_RULE",
            "description": match["rule"]["description"],
            "issueType": "misspelling",
            "category": {"id": "TYPOS", "name": match["rule"]["category"]["name"]},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }
    assert "российской" in match["message"]
    ctx = match["context"]
    assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == "росийской"
    json.dumps(response)  # plain JSON types only


def test_astral_characters_before_a_finding_count_as_two_utf16_units():
    text = "Смотри 😀🙂 и 𝒞: " + SENTENCE  # three characters outside the BMP before the error
    finding = _finding(text, "росийской")
    (match,) = lt_response(text, [finding])["matches"]
    assert match["offset"] == finding.start + 3
    assert match["length"] == 9
    # The same index Java would use: UTF-16 code units of the prefix.
    assert match["offset"] == len(text[: finding.start].encode("utf-16-le")) // 2
    ctx = match["context"]
    context_utf16 = ctx["text"].encode("utf-16-le")
    marked = context_utf16[2 * ctx["offset"] : 2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le")
    assert marked == "росийской"


def test_astral_character_inside_a_finding_widens_its_length():
    text = "ура😀ура и дальше"
    finding = Finding(0, 7, "ура😀ура", "punctuation", [], None)
    (match,) = lt_response(text, [finding])["matches"]
    assert (match["offset"], match["length"]) == (0, 8)


def test_language_tool_python_client_maps_offsets_back_to_python():
    match_module = pytest.importorskip("language_tool_python.match")
    text = "😀 " + SENTENCE
    raw = lt_response(text, [_finding(text, "росийской")])["matches"][0]
    match = match_module.Match(json.loads(json.dumps(raw)), text)
    assert text[match.offset : match.offset + match.error_length] == "росийской"


def test_utf16_offsets_helper():
    text = "a😀b𝒞c"
    to16 = Utf16Offsets(text)
    assert [to16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2 == 7
    assert Utf16Offsets("только БМП")(5) == 5


def test_fix_comes_first_in_replacements_and_fixless_findings_still_suggest():
    finding = _finding(SENTENCE, "росийской", fix=None)
    (match,) = lt_response(SENTENCE, [finding])["matches"]
    assert [r["value"] for r in match["replacements"]] == ["российской", "русской"]
    glued = Finding(0, 5, "Ктобы", "glued", [Suggestion("Кто бы", 0.5, "twowords")], "Кто бы")
    (match,) = lt_response("Ктобы знал", [glued])["matches"]
    assert match["replacements"] == [{"value": "Кто бы"}]


@pytest.mark.parametrize(
    "kind, issue_type",
    [
        ("nonword", "misspelling"),
        ("blend", "misspelling"),
        ("glued", "misspelling"),
        ("split", "misspelling"),
        ("hyphenated", "misspelling"),
        ("homoglyph", "misspelling"),
        ("ocr", "misspelling"),
        ("punctuation", "typographical"),
        ("hyphenation", "typographical"),
        ("repeat", "typographical"),
        ("preposition", "grammar"),
        ("context", "grammar"),
    ],
)
def test_every_kind_has_its_own_rule(kind, issue_type):
    rule = rule_for(kind)
    # LTeX takes a match for a misspelling (and offers "Add to dictionary") by the rule id alone.
    speller = "_SPELLER_RULE" if issue_type == "misspelling" else ""
    assert rule.rule_id == "PRAVKA_" + kind.upper() + speller
    assert rule.issue_type == issue_type
    assert kind in RULES


def test_unknown_kind_still_renders():
    (match,) = lt_response("абв где", [Finding(0, 3, "абв", "newkind", [], None)])["matches"]
    assert match["rule"]["id"] == "PRAVKA_NEWKIND"


def test_long_text_context_is_cut_with_ellipses_and_newlines_become_spaces():
    text = "Первая строка текста.\n" * 5 + SENTENCE + "\nИ ещё строка после." * 5
    (match,) = lt_response(text, [_finding(text, "росийской")])["matches"]
    ctx = match["context"]
    assert ctx["text"].startswith("...") and ctx["text"].endswith("...")
    assert "\n" not in ctx["text"]
    assert len(ctx["text"]) == 3 + 40 + 9 + 40 + 3
    assert ctx["text"][ctx["offset"] : ctx["offset"] + 9] == "росийской"
    assert match["sentence"] == SENTENCE


def test_findings_outside_the_text_are_dropped_and_matches_are_sorted():
    late = Finding(10, 13, "ник", "nonword", [], None)
    early = Finding(2, 5, "пон", "nonword", [], None)
    bogus = Finding(5, 500, "x", "nonword", [], None)
    matches = lt_response(SENTENCE, [late, bogus, early])["matches"]
    assert [m["offset"] for m in matches] == [2, 10]


def test_filter_matches_like_language_tool():
    findings = [_finding(SENTENCE, "росийской"), Finding(0, 1, "В", "punctuation", [], None)]
    assert [f.kind for f in filter_matches(findings, disabled_rules=["PRAVKA_NONWORD_SPELLER_RULE"])] == ["punctuation"]
    only = filter_matches(findings, enabled_rules=["PRAVKA_PUNCTUATION"], enabled_only=True)
    assert [f.kind for f in only] == ["punctuation"]
    # enabledRules without enabledOnly changes nothing: every rule is already on.
    assert len(filter_matches(findings, enabled_rules=["PRAVKA_PUNCTUATION"])) == 2
    assert [f.kind for f in filter_matches(findings, disabled_categories=["TYPOS"])] == ["punctuation"]


def test_annotated_document_checks_text_and_reports_offsets_in_the_full_document():
    data = {
        "annotation": [
            {"text": "Беседы с "},
            {"markup": "<b>"},
            {"text": "росийской"},
            {"markup": "</b>"},
            {"text": " делегацией"},
            {"markup": "<p>", "interpretAs": "\n\n"},
            {"text": "Конец."},
        ]
    }
    doc = annotated_document(data)
    assert doc.document == "Беседы с <b>росийской</b> делегацией<p>Конец."
    assert doc.plain == "Беседы с росийской делегацией\n\nКонец."
    start = doc.plain.index("росийской")
    mapped = doc.to_document(Finding(start, start + 9, "росийской", "nonword", [], "российской"))
    assert doc.document[mapped.start : mapped.end] == mapped.text == "росийской"
    # A finding on the interpretAs text covers the markup it stands for.
    gap = doc.plain.index("\n\n")
    mapped = doc.to_document(Finding(gap, gap + 2, "\n\n", "punctuation", [], None))
    assert mapped.text == "<p>"
    # A finding crossing markup spans it in the document.
    crossing = doc.to_document(Finding(start - 2, start + 3, "с рос", "split", [], None))
    assert crossing.text == "с <b>рос"


def test_annotated_document_with_real_corrector(corrector):
    data = {"annotation": [{"markup": "<p>"}, {"text": SENTENCE}, {"markup": "</p>"}]}
    doc = annotated_document(data)
    findings = [doc.to_document(f) for f in corrector.check(doc.plain)]
    (finding,) = [f for f in findings if f.text == "росийской"]
    assert doc.document[finding.start : finding.end] == "росийской"
    response = lt_response(doc.document, findings)
    assert any(m["offset"] == doc.document.index("росийской") for m in response["matches"])


def test_annotated_sentence_is_the_checked_text_without_markup(corrector):
    data = {
        "annotation": [
            {"text": "Вступление."},
            {"markup": "<p>", "interpretAs": "\n\n"},
            {"text": "Прошли беседы с "},
            {"markup": "<b>"},
            {"text": "росийской"},
            {"markup": "</b>"},
            {"text": " делегацией."},
        ]
    }
    doc = annotated_document(data)
    findings = [doc.to_document(f) for f in corrector.check(doc.plain)]
    (match,) = [m for m in lt_response(doc.document, findings, annotated=doc)["matches"] if m["length"] == 9]
    assert match["sentence"] == "Прошли беседы с росийской делегацией."
    assert match["sentence"] in doc.plain
    assert "<b>" in match["context"]["text"]  # the context, as LanguageTool's, shows the document


@given(
    st.lists(
        st.one_of(
            st.builds(lambda t: {"text": t}, st.text("аб .\n", max_size=6)),
            st.builds(
                lambda m, i: {"markup": m, "interpretAs": i},
                st.sampled_from(["<b>", "</p>", "<br/>"]),
                st.sampled_from(["", "\n", " "]),
            ),
        ),
        max_size=8,
    ),
    st.data(),
)
def test_plain_span_inverts_the_document_maps(parts, data):
    doc = annotated_document({"annotation": parts})
    start = data.draw(st.integers(0, len(doc.plain)))
    end = data.draw(st.integers(start, len(doc.plain)))
    document_start = doc.start_in_document(start)
    document_end = max(document_start, doc.end_in_document(end) if end > start else document_start)
    plain_start, plain_end = doc.plain_span(document_start, document_end)
    # Mapped there and back, a span of checked text covers at least itself (markup it crosses widens it).
    assert plain_start <= start and end <= plain_end or start == end
    assert 0 <= plain_start <= plain_end <= len(doc.plain)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"annotation": "text"},
        {"annotation": [{"text": 1}]},
        {"annotation": [{}]},
        {"annotation": [{"text": "a", "markup": "b"}]},
        {"annotation": [{"markup": "<b>", "interpretAs": 5}]},
        {"annotation": ["text"]},
    ],
)
def test_bad_annotations_are_rejected_with_a_message(data):
    with pytest.raises(AnnotationError):
        annotated_document(data)


def test_deletion_is_an_empty_replacement_with_a_readable_message(corrector):
    text = "Мы мы пошли домой."
    findings = [f for f in corrector.check(text) if f.kind == "repeat"]
    assert findings, "the core reports the repeated word"
    (match,) = lt_response(text, findings)["matches"]
    assert match["rule"]["id"] == "PRAVKA_REPEAT"
    assert match["replacements"][0] == {"value": ""}
    assert "«»" not in match["message"]
    fixed = text[: match["offset"]] + "" + text[match["offset"] + match["length"] :]
    assert fixed == "Мы пошли домой."


def test_no_kind_falls_back_to_the_generic_rule():
    from pravka.detect import DETECTORS, OPT_IN

    assert {kind for unit in DETECTORS + OPT_IN for kind in unit.kinds} <= set(RULES)
