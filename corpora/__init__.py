"""Evaluation corpora shipped with unspin (package data, ``restore.corpora``):
the clean prose and the held-out tortured phrases, so that ``unspin evaluate``
works from an installed package. The spun copies in ``spun/`` stay in the
checkout (the evaluation spins the clean prose itself). See README.md here.
"""
