"""A line break inside a sentence (hard-wrapped prose, verse) is read as the space it stands for."""

import pytest

# Each sentence holds one finding that needs the words around it: the neighbours' meaning, a verb that
# takes an infinitive, a relative word, a conjunction, a name guard.
SENTENCES = [
    ("Депутаты нижней палеты парламента приняли закон.", "палеты", "палаты"),  # the meaning window
    ("Мы долго говорили о любви и сваей жизни.", "сваей", "своей"),
    ("Мальчик очень хочет научится плавать этим летом.", "научится", "научиться"),
    ("Кто бы не пришёл к нам вечером, мы всегда рады гостям.", "не", "ни"),
    ("Сосед приехал вчера и так же привёз с собой свежую рыбу.", "так же", "также"),
    ("Я не знаю уже ничего и вообще ни хочу.", "ни", "не"),
    ("Вчера в Брюсселе мы встретили Столтенберга и росийскую делегацию.", "росийскую", "российскую"),
]


def _findings(corrector, text):
    return [(f.start, f.end, f.kind, [s.text for s in f.suggestions], f.fix is not None) for f in corrector.check(text)]


def _wrapped_at_each_space(sentence):
    """The sentence with one of its spaces between two words made a line break, for each such space."""
    for at, character in enumerate(sentence):
        if character == " " and sentence[at - 1].isalpha() and sentence[at + 1].isalpha():
            yield sentence[:at] + "\n" + sentence[at + 1 :]


@pytest.mark.parametrize("sentence, typed, meant", SENTENCES)
def test_wrapping_a_sentence_anywhere_keeps_its_findings(corrector, sentence, typed, meant):
    unwrapped = _findings(corrector, sentence)
    assert [(sentence[start:end], suggestions[0]) for start, end, _, suggestions, _ in unwrapped] == [(typed, meant)]
    for wrapped in _wrapped_at_each_space(sentence):  # the offsets are the same: a space became a line break
        assert _findings(corrector, wrapped) == unwrapped, wrapped


@pytest.mark.parametrize(
    "verse",
    [
        "Куда\nНи едешь, попадаются\nОдни крестьяне пьяные.",  # «куда ни» across the line: concessive
        "Какие рожи страшные\nНи корчил мужичок.",
        "Когда — ни расплести сцепившиеся руки,\nНи разомкнуть уста — нельзя во тьме ночной.",  # «ни …, ни …»
        "Я слепнуть не хочу от молнии грозовой,\nНи слушать скрипок вой.",  # «не хочу …, ни слушать»
        "Суждена мне такая же дума,\nТак же руки мне надо сложить.",  # in the same way: a line, not a sentence, opens
        "В ней сохранился тот же тон,\nБыл так же тих её поклон.",  # «тих» is read as «тихнуть» first
    ],
)
def test_verse_lines_carry_their_sentence_on(corrector, verse):
    assert [f for f in corrector.check(verse) if f.kind == "context"] == []


def test_a_line_after_a_full_stop_or_a_blank_line_opens_a_sentence(corrector):
    """«Так же» opening a sentence is «также» (also); the lines before end their sentences."""
    for text in ("Он уехал.\nТак же уехали и соседи.", "Он уехал\n\nТак же уехали и соседи."):
        assert corrector.fix(text).endswith("Также уехали и соседи."), text


def test_a_negated_finite_verb_does_not_excuse_ni(corrector):
    """«не» before «ни хочу» negates another verb: «ни» is still «не» (only an infinitive goes on with it)."""
    assert corrector.fix("Я не знаю уже ничего и вообще ни хочу.") == "Я не знаю уже ничего и вообще не хочу."
