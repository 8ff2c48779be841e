"""Run the unspin command line from a checkout: ``python cli.py fix article.txt``.

The real command line lives in :mod:`restore.cli`; this shim only makes the
checkout usable without installing it.
"""

from restore.cli import main

if __name__ == "__main__":
    main(prog_name="unspin")
