"""Shared fixtures: a tiny rule table so stage tests do not depend on the
shipped tables, and the JSON test cases."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from restore.tables import Row

CASES_DIR = Path(__file__).parent / "cases"
BENCHMARKS_DIR = Path(__file__).resolve().parent.parent / "benchmarks"


@lru_cache(maxsize=None)
def load_benchmark(name: str):
    """The script ``benchmarks/<name>.py`` as a module (loaded once for all the tests)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cases(name: str) -> list[dict]:
    return json.loads((CASES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def row(spun: str, original: str, prior: float = 0.9, family: str = "wordnet_spinner") -> Row:
    return Row(spun, original, prior, family, "", f"test:{spun}")


@pytest.fixture
def small_rows() -> list[Row]:
    return [
        row("volition", "will", 0.8),
        row("past times", "by", 0.85),
        row("survive", "be", 0.1),
        row("well-nigh", "about", 0.8),
        row("urban amount", "urban center", 0.9),
        row("urban center", "city", 0.5),
        row("at that topographic point", "there", 0.99),
        row("Dec", "December", 0.6),
        row("counterfeit consciousness", "artificial intelligence", 0.95, "tortured_phrases"),
    ]
