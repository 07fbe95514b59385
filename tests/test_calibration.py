"""The learned confidence: features read from real text, the logistic fit, and what it guarantees."""

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pravka.calibration import (
    FEATURES,
    L2_GRID,
    MIN_LEARNED,
    POOLED,
    Calibration,
    Evidence,
    MIN_RULE_LABELS,
    LogisticModel,
    fit,
    group_of,
    rule_group_of,
    shipped_calibration,
)
from pravka.types import Finding, Suggestion

LEARNED = "nonword/nonword"


def feature(values, name):
    return values[FEATURES.index(name)]


def only_finding(corrector, text):
    [finding] = corrector.raw_findings(text)
    return finding


def features_in(corrector, text):
    finding = only_finding(corrector, text)
    return finding, Evidence(text, corrector.lexicon, corrector._context).features(finding)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Прошли беседы с участием росийской делегации", "Прошли беседы с участием российской делегации"),
        ("Он пришёл домой поздно вечиром.", "Он пришёл домой поздно вечером."),
        ("Она сказала, что придёт завтар.", "Она сказала, что придёт завтра."),
        ("Это было очнь давно.", "Это было очень давно."),
    ],
)
def test_clear_typos_are_fixed_through_the_learned_confidence(corrector, text, fixed):
    [finding] = corrector.check(text)
    assert finding.suggestions[0].trail[-1].startswith(f"calibration {LEARNED} raw ")
    assert corrector.fix(text) == fixed


def test_a_keyboard_slip_with_many_readings_is_offered_not_applied(corrector):
    # «бклки»: булки, but one letter typed for another in a five-letter word leaves other readings open.
    [finding] = corrector.check("В магазине продают свежие бклки.")
    assert finding.suggestions[0].text == "булки"
    assert finding.fix is None


def test_the_features_read_the_word_its_candidate_and_its_neighbours(corrector):
    finding, values = features_in(corrector, "Прошли беседы с участием росийской делегации")
    assert len(values) == len(FEATURES)
    assert (
        feature(values, "source_doubled") == 1.0
        and sum(v for n, v in zip(FEATURES, values, strict=True) if n.startswith("source_")) == 1.0
    )
    assert feature(values, "typed_zipf") < feature(values, "candidate_zipf")
    assert feature(values, "same_length") == 0.0
    assert feature(values, "margin") > 1.0  # «российской» has no serious rival
    assert feature(values, "capital") == 0.0


def test_the_features_read_the_usage_model_around_the_word(corrector):
    _, values = features_in(corrector, "Это было очнь давно.")
    # «было очень» and «очень давно» are both in the usage model; «очнь» is in neither
    assert feature(values, "context") > 1.0
    assert feature(values, "context_over_typed") > 1.0
    _, alone = features_in(corrector, "Очнь!")
    assert feature(alone, "context") == feature(alone, "context_over_typed") == 0.0


def test_a_capital_means_more_inside_a_sentence_than_at_its_start(corrector):
    _, opening = features_in(corrector, "Росийской делегации не было.")
    _, inside = features_in(corrector, "Вчера Росийской делегации не было.")
    assert feature(opening, "capital") == feature(inside, "capital") == 1.0
    assert feature(opening, "capital_inside") == 0.0
    assert feature(inside, "capital_inside") == 1.0


def test_without_its_text_a_learned_group_takes_the_pooled_map(corrector):
    finding = only_finding(corrector, "Он пришёл домой поздно вечиром.")
    calibration = shipped_calibration()
    assert group_of(finding) in calibration.models
    raw = finding.suggestions[0].confidence
    alone = calibration.apply(finding).suggestions[0].confidence
    assert alone == calibration.probability(POOLED, raw)


def test_the_shipped_model_survives_its_file_and_refuses_other_features():
    calibration = shipped_calibration()
    again = Calibration.from_json(calibration.to_json())
    assert again == calibration
    data = json.loads(calibration.to_json())
    data["models"][LEARNED]["features"] = ["raw"]
    with pytest.raises(ValueError, match="features"):
        Calibration.from_json(json.dumps(data))


vectors = st.lists(st.floats(-6, 6, allow_nan=False), min_size=len(FEATURES), max_size=len(FEATURES))


@settings(max_examples=200)
@given(vectors, vectors, st.floats(0, 1))
def test_a_learned_confidence_is_a_probability_rising_with_the_learned_score(a, b, raw):
    calibration = shipped_calibration()
    model = calibration.models[LEARNED]
    (low, _), (high, _) = sorted([(model.score(a), a), (model.score(b), b)])
    low_confidence = calibration.confidence(LEARNED, raw, a if model.score(a) == low else b)
    high_confidence = calibration.confidence(LEARNED, raw, b if model.score(a) == low else a)
    assert 0.0 <= low_confidence <= high_confidence <= 1.0


def synthetic_labels(seed: int, count: int):
    """Labels whose truth depends on the raw score and on one source, as the tune data's do."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        values = [rng.gauss(0, 1) for _ in FEATURES]
        slip = rng.random() < 0.3
        values[FEATURES.index("source_extrachar")] = float(slip)
        logit = 1.5 * values[FEATURES.index("raw")] - 2.0 * slip + 1.0
        rows.append((LEARNED, rng.random() < 1 / (1 + 2.718281828**-logit), values, True))
    return rows


def test_the_fit_is_deterministic_and_learns_the_signals():
    learned = synthetic_labels(7, MIN_LEARNED + 200)
    first = fit([], learned=learned)
    assert first.to_json() == fit([], learned=learned).to_json()
    model = first.models[LEARNED]
    weights = dict(zip(FEATURES, model.weights, strict=True))
    assert model.l2 in L2_GRID
    assert weights["raw"] > 0.5 and weights["source_extrachar"] < -0.3
    assert max(abs(w) for name, w in weights.items() if name not in ("raw", "source_extrachar")) < 0.3
    # its map is fitted on the model's own (out-of-fold) scores: sure rows get high probabilities
    sure = [0.0] * len(FEATURES)
    sure[FEATURES.index("raw")] = 3.0
    unsure = list(sure)
    unsure[FEATURES.index("raw")] = -3.0
    assert first.confidence(LEARNED, 0.5, sure) > 0.8 > 0.2 > first.confidence(LEARNED, 0.5, unsure)


def test_a_group_with_few_labels_keeps_its_raw_score_map():
    learned = synthetic_labels(3, MIN_LEARNED - 1)
    samples = [(group, 0.9 if right else 0.3, right) for group, right, _, _ in learned]
    calibration = fit(samples, learned=learned)
    assert calibration.models == {}
    assert calibration.confidence(LEARNED, 0.9) > calibration.confidence(LEARNED, 0.3)


def offered(source: str) -> Finding:
    return Finding(3, 10, "так же", "context", [Suggestion("также", 0.6, source)], detector="realword")


def test_a_rule_with_its_own_record_gets_its_own_map():
    group, reliable, unreliable = "realword/context", "realword/context/tak-zhe", "realword/context/v-techenie"
    # Two rules offer at the same raw score; one is right 9 times in 10, the other never.
    labels = [(reliable, 0.6, i > 0) for i in range(MIN_RULE_LABELS)] + [(unreliable, 0.6, False)] * MIN_RULE_LABELS
    calibration = fit([(group, raw, right) for _, raw, right in labels], rules=labels)
    assert rule_group_of(offered("tak-zhe")) == reliable
    sure, unsure = (calibration.apply(offered(rule)).suggestions[0].confidence for rule in ("tak-zhe", "v-techenie"))
    assert sure > calibration.confidence(group, 0.6) > unsure
    assert sure > 0.7  # the threshold: the reliable rule's offers are now applied
    # A rule labeled only at 0.6 says nothing of the same rule's findings at 0.9: the group's map does.
    assert calibration.confidence(group, 0.9, rule=reliable) == calibration.confidence(group, 0.9)
    # A rule with too few labels, or a group's only rule, goes through the group's map.
    few = fit([(group, 0.6, True)] * 30, rules=[(reliable, 0.6, True)] * (MIN_RULE_LABELS - 1))
    alone = fit([(group, 0.6, True)] * 30, rules=[(reliable, 0.6, True)] * 30)
    assert set(few.knots) == set(alone.knots) == {group, POOLED}


def test_a_lone_suggestion_reads_the_widest_margin(corrector):
    finding = Finding(24, 33, "росийской", "nonword", [Suggestion("российской", 0.9, "doubled")], detector="nonword")
    text = "Прошли беседы с участием росийской делегации"
    values = Evidence(text, corrector.lexicon, corrector._context).features(finding)
    assert feature(values, "margin") == 4.0
    assert isinstance(LogisticModel.score(shipped_calibration().models[LEARNED], values), float)


@settings(max_examples=200)
@given(vectors, st.floats(0, 4), st.sampled_from(["raw", "margin", "mass"]))
def test_a_surer_ranker_never_gets_a_lower_confidence(values, step, name):
    # The ranker's own certainty (its score, its margin over the runner-up, the mass of its
    # suggestions) may only raise the learned confidence, whatever the other features say.
    calibration = shipped_calibration()
    surer = list(values)
    surer[FEATURES.index(name)] += step
    assert calibration.confidence(LEARNED, 0.5, values) <= calibration.confidence(LEARNED, 0.5, surer)


def test_with_a_users_model_the_raw_score_goes_through_the_pooled_map(tmp_path):
    # The learned weights were fitted with the shipped usage model as the context; a newsroom's own
    # model moves the raw score by counts they never saw, so its findings take the pooled raw map.
    from pravka import Corrector
    from pravka.lm import NgramModel

    archive = [
        "Летом мы каждый день купались в море.",
        "Корабль вышел в море на рассвете, и рыбаки уходят в море затемно.",
        "Мальчишки с утра до ночи купались в море и загорали.",
        "В море у самого берега плавали медузы, а ветер стих.",
        "Старый рыбак рассказывал о мире за горизонтом.",
    ]
    NgramModel.build(archive, tmp_path / "sea.db").close()
    sailor = Corrector(model=tmp_path / "sea.db")
    text = "Мы долго купались в мрре."
    [raw] = sailor.raw_findings(text)
    [checked] = sailor.check(text)
    assert raw.suggestions[0].text == checked.suggestions[0].text == "море"
    assert checked.suggestions[0].confidence == shipped_calibration().probability(POOLED, raw.suggestions[0].confidence)
    assert Corrector().check(text)[0].suggestions[0].text == "мире"  # without the archive


def test_a_finding_after_a_long_run_without_spaces_is_calibrated(corrector):
    # the window around a finding opens after a space: here there is none in the 40 characters before it
    text = "#" + "хэштег#" * 10 + "росийской"
    [finding] = corrector.check(text)
    assert finding.text == "росийской" and finding.suggestions[0].text == "российской"


raw_shares = st.lists(st.floats(0.001, 1.0), min_size=2, max_size=5).map(
    lambda weights: sorted((w / (sum(weights) + 0.1) for w in weights), reverse=True)
)


@settings(max_examples=300)
@given(raw_shares, st.floats(0.0, 1.0))
def test_the_other_suggestions_move_with_the_first_and_stay_one_distribution(shares, calibrated):
    # A map that sends every raw score of the group to one probability: the first gets it whatever it was.
    calibration = Calibration({"nonword/nonword": ((0.0, calibrated), (1.0, calibrated))})
    finding = Finding(0, 7, "Мужчиты", "nonword", [Suggestion(f"s{i}", p, "badchar") for i, p in enumerate(shares)], detector="nonword")
    first, *others = calibration.apply(finding).suggestions
    assert first.confidence == pytest.approx(calibrated)
    confidences = [first.confidence] + [other.confidence for other in others]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) <= 1.0 + 1e-9
    for raw, other in zip(shares[1:], others, strict=True):
        if calibrated <= shares[0]:
            # doubted: each other keeps its odds against the first; what was taken goes to keeping the word
            assert other.confidence == pytest.approx(raw * calibrated / shares[0])
        else:
            # trusted more: the others share what is left, in proportion
            assert other.confidence == pytest.approx(min(calibrated, raw * (1 - calibrated) / (1 - shares[0])))


def test_a_doubted_first_suggestion_does_not_lift_the_runner_up_to_its_level(corrector):
    # The ranker puts «Муж читы» more than ten times below «Мужчины»; calibration doubts «Мужчины» (0.47
    # for a raw 0.93), and the glued reading must not be offered as just as likely for it.
    [finding] = corrector.check("Мужчиты и женщины пришли")
    first, second = finding.suggestions[:2]
    assert (first.text, second.text) == ("Мужчины", "Муж читы")
    assert second.confidence < first.confidence / 5
