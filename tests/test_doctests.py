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
