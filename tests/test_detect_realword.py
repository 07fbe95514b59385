"""Real-word slips (kind ``context``): a dictionary word that its neighbours say is the wrong one."""

import pytest


def _context(corrector, text):
    return [f for f in corrector.check(text) if f.kind == "context"]


@pytest.mark.parametrize(
    "text, word, meant, source, applied",
    [
        ("Он хочет учится в Москве.", "учится", "учиться", "tsya-infinitive", True),
        ("Мне надо не торопится.", "торопится", "торопиться", "tsya-infinitive", True),
        ("Дети будут учится летом.", "учится", "учиться", "tsya-infinitive", True),
        ("Мы так и не смогли договорится с соседом.", "договорится", "договориться", "tsya-infinitive", True),
        ("Она пришла, чтобы научится плавать.", "научится", "научиться", "tsya-infinitive", True),
        ("Брат помогает мне разобратся, но сестра помогает собраться.", None, None, None, None),
        ("Он мечтал забыть обиды и помирится с братом.", "помирится", "помириться", "tsya-infinitive-coordinated", True),
        ("Она учиться хорошо.", "учиться", "учится", "tsya-finite", True),
        ("Вечером Петров жениться на соседке.", "жениться", "женится", "tsya-finite-noun", False),
    ],
)
def test_tsya_tsya_by_the_word_before(corrector, text, word, meant, source, applied):
    found = _context(corrector, text)
    if word is None:
        assert found == []
        return
    [finding] = found
    assert (finding.text, finding.suggestions[0].text, finding.suggestions[0].source) == (word, meant, source)
    # The word before settles it (CLEAR: applied), except a noun, which may be an infinitive's object.
    assert (finding.fix is not None) == applied


@pytest.mark.parametrize(
    "text",
    [
        "Он учится хорошо и хочет учиться дальше.",
        "Шанс исправиться есть у всех.",
        "Дом строится третий год.",
        "Его желание вернуться домой понятно.",
        "Мальчик учиться не хочет.",
        "Он любит гулять и редко злится.",
    ],
)
def test_correct_tsya_forms_stay_silent(corrector, text):
    assert _context(corrector, text) == []


@pytest.mark.parametrize(
    "text, span, meant, source, applied",
    [
        ("Я ни знаю, где он живёт.", "ни", "не", "ni-ne", True),
        ("Это важно ни только для меня, но и для всех.", "ни", "не", "ni-ne", True),
        ("Он устал, потому что ничего ни ел с утра.", "ни", "не", "ni-ne", True),
        ("Ни кто из нас не знал дороги.", "Ни кто", "Никто", "ni-joined", True),
        ("Он не разу не был на море.", "не", "ни", "ne-ni-pronoun", True),
        ("Мы не капли не устали.", "не", "ни", "ne-ni-pronoun", True),
        ("Не кто не знает ответа.", "Не кто", "Никто", "ne-ni-pronoun", True),
        ("Он не к кому не ходит в гости.", "не", "ни", "ne-ni-pronoun", True),
        ("Где бы он не был, он всегда звонит маме.", "не", "ни", "ne-ni-concessive", False),
        ("Кто бы что не говорил, я пойду.", "не", "ни", "ne-ni-concessive", False),
        # «бы» hyphened on is still «бы», and the word before the hyphen the relative word
        ("Какими-бы не были трудности, мы справимся.", "не", "ни", "ne-ni-concessive", False),
    ],
)
def test_ne_ni_slips(corrector, text, span, meant, source, applied):
    [finding] = _context(corrector, text)
    assert (finding.text, finding.suggestions[0].text, finding.suggestions[0].source) == (span, meant, source)
    # «бы … не» may be a purpose clause («Что бы больно не было»): the concessive reading is only offered.
    assert (finding.fix is not None) == applied


@pytest.mark.parametrize(
    "text",
    [
        "Ни брат, ни сестра не пришли.",
        "Кто бы ни пришёл, мы рады гостям.",
        "Как ни старался, он не успел.",
        "Что ни говори, а лето кончилось.",
        "Он ни разу не опоздал.",
        "Ни один человек не знал дороги.",
        "Она ни с кем не спорит.",
        "Это не кто иной, как наш сосед.",
        "Это не что иное, как шутка.",
        "Он живёт не один, а с котом.",
        "Кто бы не хотел жить у моря?",
        "Как бы не опоздать на поезд.",
        "Я мечтала о том, что бы дождь не кончался.",
        "Мне не с кем поговорить.",
    ],
)
def test_right_ne_ni_stays_silent(corrector, text):
    assert _context(corrector, text) == []


@pytest.mark.parametrize(
    "text, span, meant, applied",
    [
        ("Мы купили хлеб, а так же молоко.", "так же", "также", True),
        ("Так же в саду росли яблони.", "Так же", "Также", True),
        # Offered at the rule's hint level, which was right 11 times in 14 on tuning data: applied.
        ("Сосед так же любит рыбалку.", "так же", "также", True),
        ("Он смеялся и в тоже время плакал.", "тоже", "то же", True),
        ("Мы говорим одно и тоже каждый день.", "тоже", "то же", True),
        ("Он сказал тоже самое.", "тоже", "то же", True),
        ("Она пела также как мама.", "также", "так же", True),
        ("Не смотря на дождь, мы пошли гулять.", "Не смотря", "Несмотря", True),
        ("Мы ждали в течении трёх часов.", "в течении", "в течение", False),
        ("Уходи от туда скорее.", "от туда", "оттуда", True),
        ("Я имела ввиду совсем другое.", "ввиду", "в виду", True),
        ("Здесь имеется ввиду воля для души.", "ввиду", "в виду", True),
    ],
)
def test_one_word_or_two(corrector, text, span, meant, applied):
    [finding] = _context(corrector, text)
    assert (finding.text, finding.suggestions[0].text) == (span, meant)
    assert (finding.fix is not None) == applied


@pytest.mark.parametrize(
    "text",
    [
        "Он поступил так же, как его отец.",
        "Она бежала так же быстро, как брат.",
        "Точно так же думают и другие.",
        "Мы также пригласили соседей.",
        "Я тоже люблю чай.",
        "Это то же самое.",
        "По этому поводу он промолчал.",
        "Лодку унесло в течении реки.",
        "В течение дня шёл дождь.",
        "Несмотря на холод, мы гуляли.",
        "Ввиду дождя матч отменили.",
        "Он ушёл с работы ввиду болезни.",
    ],
)
def test_right_spellings_stay_silent(corrector, text):
    assert _context(corrector, text) == []


def test_fix_applies_only_the_sure_rule(corrector):
    assert corrector.fix("Мы купили хлеб, а так же молоко.") == "Мы купили хлеб, а также молоко."
    assert corrector.fix("Он хочет учится.") == "Он хочет учиться."
    assert corrector.fix("Мы ждали в течении трёх часов.") == "Мы ждали в течении трёх часов."  # right 0 in 8


def test_ni_after_a_garbled_relative_word_is_left_alone(corrector):
    findings = corrector.check("Ктобы ни пришёл, двери открыты.")
    assert [(f.kind, f.text) for f in findings] == [("glued", "Ктобы")]
