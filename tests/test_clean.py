"""The quick proof of clean text (restore.clean) never claims what the full path denies."""

from __future__ import annotations

from pathlib import Path

import pytest

from restore.clean import nothing_to_restore
from restore.engine import Restorer, get_restorer

from conftest import load_cases

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
CLEAN = [p.read_text("utf-8") for p in sorted((CORPORA / "clean").glob("*.txt"))]
SPUN = [p.read_text("utf-8") for p in sorted((CORPORA / "spun").rglob("*.txt"))[::15]]
CASES = [case["original"] for name in ("negative", "in_the_wild", "synthetic")
         for case in load_cases(name)]


@pytest.fixture(scope="module")
def full_path() -> Restorer:
    restorer = Restorer()
    restorer._quick_proof = False
    return restorer


@pytest.mark.parametrize("text", CLEAN + SPUN + CASES[::3] + [" ".join(CLEAN)[:60_000]])
def test_a_text_proved_clean_is_clean(text, full_path):
    strong = get_restorer().matcher.strong.find(text)
    if nothing_to_restore(text, strong, 0.5):
        for threshold in (0.5, 0.1):
            result = full_path.restore(text, threshold)
            assert result.substitutions == () and result.spin_score == 0.0
    assert get_restorer().restore(text) == full_path.restore(text)


def test_the_proof_applies_to_clean_prose_only():
    restorer = get_restorer()
    long_clean = "\n\n".join(CLEAN)
    assert nothing_to_restore(long_clean, restorer.matcher.strong.find(long_clean), 0.5)
    spun = "\n\n".join(SPUN)
    assert not nothing_to_restore(spun, restorer.matcher.strong.find(spun), 0.5)
    # a low threshold could take a candidate the proof does not follow
    assert not nothing_to_restore(long_clean, restorer.matcher.strong.find(long_clean), 0.05)
