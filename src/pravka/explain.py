"""``pravka check --explain``: why a finding was made, where its suggestion came from, why it was or
was not applied — in words, from what the finding itself records (its detector, its suggestion's
source and trail, its confidence) and the threshold.

It reads the plain-dict form of a finding (``Finding.to_dict``), the form that crosses process
boundaries and is printed as JSON, so the CLI can explain findings checked in worker processes.
"""

from __future__ import annotations

from .detect import DETECTORS_BY_NAME
from .types import Finding

# How each candidate source or rule came to its suggestion (the names the generators and detectors use).
SOURCES = {
    "keyboard": "one letter replaced by a neighbouring key",
    "vowel": "an unstressed vowel spelt as it sounds",
    "sound": "a word that sounds the same (same sound key)",
    "doubled": "a doubled letter written single, or a single one doubled",
    "softsign": "a soft or hard sign lost or added",
    "silent": "a consonant that is not heard, lost or added",
    "hyphen": "a hyphen lost or added",
    "ocr": "a letter of the same shape, as OCR misreads it",
    "badchar": "one letter replaced by another",
    "extrachar": "one letter too many",
    "forgotchar": "one letter missing",
    "swapchar": "two neighbouring letters swapped",
    "yo": "«е» written for «ё»",
    "stutter": "a syllable typed twice",
    "stretched": "a letter held down for emphasis",
    "two-edits": "a frequent word two slips away, searched because no single slip explained the word",
    "twowords": "two words run together",
    "respelling": "an informal spelling listed in dictionaries/respellings.tsv",
    "dictionary-variant": "a form the dictionary marks as a misspelling or distortion",
    "usage": "the spelling edited text uses (the usage model's counts)",
    "latin2cyrillic": "Latin look-alike letters mapped to Cyrillic",
    "cyrillic2latin": "Cyrillic look-alike letters mapped to Latin",
    "line-break": "a word rejoined across a line break",
    "invisible": "invisible characters removed",
    "repeat": "the second copy of a doubled word removed",
    "repeat-hyphen": "a word doubled for emphasis, joined by a hyphen as the rules write it",
    "o-form": "the preposition's form with «о»",
    "blend": "the head word of a blend, in the form its tail asks for",
    "blend-split": "the blend read as two words",
    "colloquial": "a standard word respelt as it is spoken (by the rules below)",
    "devoiced-v": "«в» written as it sounds before a voiceless consonant",
}
# The rules of ``candidates.colloquial`` (``ru.sound.SPOKEN_CHANGES`` and ``SPOKEN_REDUCTIONS``).
SPOKEN_RULES = {
    "devoiced-v": "«в» heard as «ф» before a voiceless consonant or at the end",
    "devoiced": "a voiced consonant heard voiceless before a voiceless one",
    "voiced": "a voiceless consonant heard voiced before a voiced one",
    "g-as-v": "the «г» of «-ого», «-его» written «в»",
    "shn": "«чн» written «шн»",
    "cht": "«чт» of «что» written as spoken",
    "hushed-o": "«ё» after a hushing consonant written «о»",
    "hushed-e": "«о» after a hushing consonant written «ё»",
    "hushed-soft": "the unheard «ь» after «ж», «ш» left out",
    "ik-eg": "the ending «-ик» written «-ег»",
    "ov-off": "the ending «-ов» written «-офф»",
    "v-ff": "a final «в» written «фф»",
    "tsa": "«-тся», «-ться» written «-цца»",
    "stv-drop": "«-ственн-» said and written «-сн-»",
    "doubled-shch": "«щ» written «шш»",
    "sch": "«сч», «зч», «жч» written «щ»",
    "shch-sch": "«щ» written «сч»",
    "syncope": "an unstressed vowel with «й» swallowed",
    "cluster": "a consonant inside a cluster swallowed",
    "go-drop": "the «го» of «-его», «-ого» swallowed",
    "initial-s": "the «с» of «сп-» swallowed",
    "apocope": "a final vowel swallowed",
    "held-down": "a letter held down for emphasis",
}
UNITS = {
    "noisy-channel": "ranked by word frequency × the likelihood of the slip, against keeping the word",
    "context": "re-ranked by its neighbours (grammar, and the word-use model)",
    "hyphen-part": "one part of the hyphenated word corrected, the others kept",
}


def explain(finding: Finding | dict, threshold: float) -> list[str]:
    """Lines, in words, that explain one finding under ``threshold``."""
    record = finding.to_dict() if isinstance(finding, Finding) else finding
    detector = DETECTORS_BY_NAME.get(record.get("detector", ""))
    lines = []
    if detector is not None:
        lines.append(f"flagged by the {detector.name} detector: {detector.looks_for}")
    suggestions = record["suggestions"]
    if not suggestions:
        lines.append("no suggestion: nothing close enough was found, so nothing is applied")
        return lines
    best = suggestions[0]
    origin = SOURCES.get(best["source"], f"the rule «{best['source']}»")
    lines.append(f"suggestion «{best['text']}»: {origin}")
    for step in best.get("trail", ()):
        if step.startswith("calibration "):
            _, group, _, raw = step.split(" ")
            lines.append(
                f"confidence {best['confidence']:.2f}: the raw score {float(raw):.2f} calibrated on tuning data for {group}"
            )
        elif step.startswith("rule "):
            lines.append(f"spoken form: {SPOKEN_RULES.get(step[5:], step[5:])}")
        else:
            lines.append(UNITS.get(step, step))
    if record["fix"] is not None:
        lines.append(f"applied: {best['confidence']:.2f} ≥ the threshold {threshold:.2f}")
    elif detector is not None and not detector.auto_fix:
        lines.append(f"not applied: the {detector.name} detector only offers its suggestions")
    else:
        lines.append(f"not applied: {best['confidence']:.2f} < the threshold {threshold:.2f}")
    return lines
