"""The JSON test cases, ftfy style: in the wild, synthetic, negative, known failures."""

import pytest

import restore
from conftest import load_cases


def _ids(cases):
    return [case["label"] for case in cases]


SPUN = load_cases("in_the_wild") + load_cases("synthetic")
NEGATIVE = load_cases("negative")
KNOWN_FAILURES = load_cases("known_failures")


@pytest.mark.parametrize("case", SPUN, ids=_ids(SPUN))
def test_spun_cases_restore(case):
    result = restore.fix_and_explain(case["original"])
    assert result.text == case["fixed"], case["comment"]
    assert [[s.spun, s.original] for s in result.substitutions] == case["expect_substitutions"]
    assert result.revert() == case["original"]


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_negative_cases_come_back_byte_identical(case):
    assert case["fixed"] == case["original"]
    result = restore.fix_and_explain(case["original"])
    assert result.text.encode("utf-8") == case["original"].encode("utf-8"), [
        (s.spun, s.original, s.confidence) for s in result.substitutions]
    assert result.substitutions == ()


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=_ids(KNOWN_FAILURES))
def test_known_failures_still_fail(case):
    """A known failure that starts passing must be moved to the passing files."""
    assert restore.fix_text(case["original"]) != case["fixed"], (
        f"{case['label']} now restores correctly: move it to synthetic.json")


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_negative_cases_stay_identical_in_thorough_mode(case):
    result = restore.fix_and_explain(case["original"], thorough=True)
    assert result.text == case["original"] and result.substitutions == ()
