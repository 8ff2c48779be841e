"""``python -m restore`` runs the ``unspin`` command line."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="unspin")
