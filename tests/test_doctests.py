"""The examples in the docstrings are run, so they stay true."""

import doctest
import importlib
import pkgutil

import pytest

import restore

MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(restore.__path__)
                 if name not in {"__main__"})


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"restore.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_false_edits_benchmark_reads_the_brown_corpus_as_prose():
    """The benchmark that counts false edits on prose nobody spun turns the
    Brown corpus's tagged files into text; its docstring examples hold."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "false_edits_in_folder.py"
    spec = importlib.util.spec_from_file_location("false_edits_in_folder", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = doctest.testmod(bench, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1 and result.failed == 0
