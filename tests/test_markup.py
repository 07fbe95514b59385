"""Markdown- and HTML-aware checking: only prose is checked, offsets point into the original file,
and a fix never changes a character outside prose."""

import pytest

from pravka.shells.markup import (
    check_markup,
    extract_checkable_spans,
    fix_markup,
    format_for_path,
)


@pytest.fixture
def markdown_it():
    # Markdown needs the markup extra; HTML needs only the standard library.
    return pytest.importorskip("markdown_it")

MISSPELLED = "безопастности"
FIXED = "безопасности"

MARKDOWN = """\
---
title: Вопросы безопастности
tags: [безопастности]
---
# Вопросы безопастности сети

Обсудили вопросы безопастности и *защиты данных*, а также **вопросы безопастности** серверов.
Подробности — в [отчёте о безопастности](https://example.com/безопастности "безопастности")
и на <https://example.org/безопастности>.

> Цитата: «вопросы безопастности важны».
> Вторая строка цитаты с `код_безопастности` внутри.

- пункт про вопросы безопастности;
- пункт с картинкой ![схема безопастности](img/безопастности.png).

| Тема | Статус |
|------|--------|
| вопросы безопастности | обсуждены |

```python
print("вопросы безопастности")
```

    отступ: вопросы безопастности

<div class="безопастности">вопросы безопастности в HTML-блоке</div>

Экранированные \\*звёздочки\\* &laquo;вопросы безопастности&raquo; в конце.

[ref]: https://example.com/безопастности
"""

HTML = """\
<!DOCTYPE html>
<html lang="ru">
<head>
  <title>Вопросы безопастности</title>
  <meta name="description" content="вопросы безопастности">
  <style>.безопастности { color: red; }</style>
  <script>const безопастности = "вопросы безопастности";</script>
</head>
<body>
  <!-- вопросы безопастности в комментарии -->
  <h1 class="безопастности">Вопросы безопастности</h1>
  <p title="вопросы безопастности">Мы обсудили вопросы безопастности и
     <a href="https://example.com/безопастности">отчёт о безопастности</a>.</p>
  <p>Функция <code>check_безопастности()</code> и клавиша <kbd>безопастности</kbd>.<br>Новая строка.</p>
  <pre>вопросы безопастности в pre</pre>
  <img src="безопастности.png" alt="вопросы безопастности">
  <textarea>вопросы безопастности</textarea>
  <p>&laquo;Вопросы безопастности&raquo; &amp; защита.</p>
</body>
</html>
"""


def _occurrences(text: str, word: str = MISSPELLED) -> list[int]:
    found, start = [], text.find(word)
    while start != -1:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end != -1 else len(text)]


def test_format_for_path():
    assert format_for_path("README.md") == "markdown"
    assert format_for_path("docs/guide.MARKDOWN") == "markdown"
    assert format_for_path("site/index.html") == "html"
    assert format_for_path("page.htm") == "html"
    assert format_for_path("notes.txt") == "text"
    assert format_for_path("Makefile") == "text"


def test_markdown_findings_only_in_prose_with_original_offsets(corrector, markdown_it):
    findings = [f for f in check_markup(corrector, MARKDOWN, "markdown") if f.text == MISSPELLED]
    for finding in findings:
        assert MARKDOWN[finding.start:finding.end] == MISSPELLED
    lines = [_line_of(MARKDOWN, f.start) for f in findings]
    expected_prose_lines = [
        "# Вопросы безопастности сети",
        "Обсудили вопросы безопастности и *защиты данных*, а также **вопросы безопастности** серверов.",
        "Обсудили вопросы безопастности и *защиты данных*, а также **вопросы безопастности** серверов.",
        'Подробности — в [отчёте о безопастности](https://example.com/безопастности "безопастности")',
        "> Цитата: «вопросы безопастности важны».",
        "- пункт про вопросы безопастности;",
        "| вопросы безопастности | обсуждены |",
        "Экранированные \\*звёздочки\\* &laquo;вопросы безопастности&raquo; в конце.",
    ]
    assert lines == expected_prose_lines
    # The link line has three occurrences; only the link text is prose.
    link_line_start = MARKDOWN.index("Подробности")
    link_text_offset = MARKDOWN.index(MISSPELLED, link_line_start)
    assert link_text_offset in [f.start for f in findings]


def test_markdown_spans_exclude_code_urls_and_markup(markdown_it):
    spans = extract_checkable_spans(MARKDOWN, "markdown")
    prose = [MARKDOWN[a:b] for a, b in spans]
    joined = "\n".join(prose)
    for never in ("print(", "код_безопастности", "https://", "img/", "схема", "отступ",
                  "<div", "HTML-блоке", "title:", "[ref]", "```", "**", "\\*", "&laquo;"):
        assert never not in joined, never
    assert "Обсудили вопросы безопастности и " in prose
    assert all(a < b for a, b in spans)
    assert all(prev[1] <= cur[0] for prev, cur in zip(spans, spans[1:]))


def test_markdown_fix_changes_only_prose(corrector, markdown_it):
    fixed = fix_markup(corrector, MARKDOWN, "markdown")
    original_lines, fixed_lines = MARKDOWN.split("\n"), fixed.split("\n")
    assert len(original_lines) == len(fixed_lines)
    untouched = [
        'print("вопросы безопастности")',
        "    отступ: вопросы безопастности",
        '<div class="безопастности">вопросы безопастности в HTML-блоке</div>',
        "title: Вопросы безопастности",
        "[ref]: https://example.com/безопастности",
        "> Вторая строка цитаты с `код_безопастности` внутри.",
        "- пункт с картинкой ![схема безопастности](img/безопастности.png).",
        "и на <https://example.org/безопастности>.",
    ]
    for line in untouched:
        assert line in fixed_lines, line
    assert "# Вопросы безопасности сети" in fixed_lines
    assert ('Подробности — в [отчёте о безопасности](https://example.com/безопастности '
            '"безопастности")') in fixed_lines
    assert "| вопросы безопасности | обсуждены |" in fixed_lines
    assert "Экранированные \\*звёздочки\\* &laquo;вопросы безопасности&raquo; в конце." in fixed_lines
    # Outside the changed words, the file is byte for byte the same.
    assert fixed.replace(FIXED, MISSPELLED) == MARKDOWN


def test_html_findings_only_in_text_nodes(corrector):
    findings = [f for f in check_markup(corrector, HTML, "html") if f.text == MISSPELLED]
    offsets = [f.start for f in findings]
    for finding in findings:
        assert HTML[finding.start:finding.end] == MISSPELLED
    expected = [
        HTML.index("<title>Вопросы безопастности") + len("<title>Вопросы "),
        HTML.index(">Вопросы безопастности</h1>") + len(">Вопросы "),
        HTML.index("обсудили вопросы безопастности") + len("обсудили вопросы "),
        HTML.index("отчёт о безопастности") + len("отчёт о "),
        HTML.index("&laquo;Вопросы безопастности") + len("&laquo;Вопросы "),
    ]
    assert offsets == expected


def test_html_fix_leaves_tags_attributes_code_and_scripts(corrector):
    fixed = fix_markup(corrector, HTML, "html")
    assert fixed.replace(FIXED, MISSPELLED) == HTML
    assert fixed.count(FIXED) == 5
    for kept in ('content="вопросы безопастности"', '<script>const безопастности = "вопросы безопастности";',
                 "<code>check_безопастности()</code>", "<kbd>безопастности</kbd>",
                 "<pre>вопросы безопастности в pre</pre>", 'alt="вопросы безопастности"',
                 "<textarea>вопросы безопастности</textarea>", "<!-- вопросы безопастности в комментарии -->",
                 'href="https://example.com/безопастности"'):
        assert kept in fixed, kept


def test_html_entities_and_inline_tags_keep_words_whole():
    text = "<p>Сло<b>во</b> и&nbsp;ещё <i>одно</i></p>"
    spans = [text[a:b] for a, b in extract_checkable_spans(text, "html")]
    assert spans == ["Сло", "во", " и", "ещё ", "одно"]


def test_finding_across_markup_is_reported_but_not_fixed(corrector, markdown_it):
    text = "Вопросы безо**пастности** обсудили.\n"
    findings = check_markup(corrector, text, "markdown")
    crossing = [f for f in findings if f.start < text.index("**") < f.end]
    assert crossing, findings
    assert crossing[0].text == "безо**пастности"
    assert fix_markup(corrector, text, "markdown") == text


def test_placeholder_findings_are_dropped(markdown_it):
    class FlagsEverything:
        def check(self, text):
            from pravka import Finding

            return [Finding(i, i + 1, ch, "punctuation", [], "!") for i, ch in enumerate(text)
                    if not ch.isspace()]

    text = "Текст `код` ещё.\n"
    findings = check_markup(FlagsEverything(), text, "markdown")
    assert all(not text[f.start:f.end].startswith("`") for f in findings)
    assert "".join(f.text for f in findings) == "Текстещё."
    assert fix_markup(FlagsEverything(), text, "markdown") == "!!!!! `код` !!!!\n"


def test_plain_text_format_is_the_whole_text(corrector):
    text = "Вопросы безопастности. `не код` <b>не тег</b>"
    assert extract_checkable_spans(text, "text") == [(0, len(text))]
    assert check_markup(corrector, text, "text") == corrector.check(text)
    assert fix_markup(corrector, text, "text") == corrector.fix(text)


def test_crlf_and_nested_containers(corrector, markdown_it):
    text = "> > вложенные вопросы безопастности\r\n> > и ещё строка\r\n\r\n1. пункт\r\n   - вложенный безопастности\r\n"
    findings = [f for f in check_markup(corrector, text, "markdown") if f.text == MISSPELLED]
    assert [f.start for f in findings] == _occurrences(text)
    assert fix_markup(corrector, text, "markdown") == text.replace(MISSPELLED, FIXED)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_empty_and_markup_only_documents(corrector, fmt):
    if fmt == "markdown":
        pytest.importorskip("markdown_it")
    for text in ("", "\n\n", "```\nкод безопастности\n```\n" if fmt == "markdown" else "<pre>безопастности</pre>"):
        assert check_markup(corrector, text, fmt) == []
        assert fix_markup(corrector, text, fmt) == text


def test_unknown_format_is_an_error(corrector):
    with pytest.raises(ValueError):
        check_markup(corrector, "текст", "rst")


_MARKDOWN_ATOMS = ["слово", "Слово", " ", "\n", "\r\n", "*", "**", "_", "`", "``", "[", "]", "(", ")", "<", ">",
                   "!", "# ", "> ", "- ", "1. ", "|", "\\", "\\*", "&amp;", "&", ";", "http://x.ru/слово", "\t",
                   "    ", "```", "---", "~~", '"', "<b>", "</b>", "<!--", "-->", "😀",
                   '[слово](http://x.ru/слово "слово")', "![слово](слово.png)", "<http://слово.ru>"]
_HTML_ATOMS = ["слово", " ", "\n", "<p>", "</p>", "<code>", "</code>", "<pre>", "</pre>", "<a href='слово'>", "</a>",
               "&amp;", "&nbsp", "&#1072;", "<", ">", "<!--", "-->", "<script>", "</script>", "<br/>",
               "<img alt=слово>", "<b", "'", '"', "😀", "<!DOCTYPE html>", "<?pi?>", "</", "\r\n"]


class _UppercasesEveryWord:
    def check(self, text):
        from pravka import Finding

        findings, i = [], 0
        while i < len(text):
            if text[i].isalpha():
                j = i
                while j < len(text) and text[j].isalpha():
                    j += 1
                findings.append(Finding(i, j, text[i:j], "nonword", [], text[i:j].upper()))
                i = j
            else:
                i += 1
        return findings


@pytest.mark.parametrize("fmt, atoms", [("markdown", _MARKDOWN_ATOMS), ("html", _HTML_ATOMS)])
def test_property_fixes_stay_inside_prose(fmt, atoms):
    if fmt == "markdown":
        pytest.importorskip("markdown_it")
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.lists(st.sampled_from(atoms), max_size=30).map("".join))
    def check(text):
        spans = extract_checkable_spans(text, fmt)
        inside = set()
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            previous_end = end
            inside.update(range(start, end))
        checker = _UppercasesEveryWord()
        for finding in check_markup(checker, text, fmt):
            assert text[finding.start:finding.end] == finding.text
        fixed = fix_markup(checker, text, fmt)
        assert len(fixed) == len(text)
        changed = {i for i, (a, b) in enumerate(zip(text, fixed)) if a != b}
        assert changed <= inside

    check()
