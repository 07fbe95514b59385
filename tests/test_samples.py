"""End to end on the bundled samples: every expected finding, its kind, first suggestion and fix."""

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(corrector, name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    findings = {f.text: f for f in corrector.check(text)}
    for expected in EXPECTED[name]:
        finding = next((f for t, f in findings.items() if expected["text"] in t), None)
        assert finding is not None, f"{expected['text']} not flagged in {name}"
        assert finding.kind == expected["kind"]
        assert finding.suggestions[0].text.endswith(expected["first"])
        if expected.get("fixed"):
            assert finding.fix is not None and finding.fix.endswith(expected["first"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_fix_keeps_line_count(corrector, name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert corrector.fix(text).count("\n") == text.count("\n")
