"""Reversal tables shipped with unspin (package data, ``restore.wordlists``).

See README.md in this folder for the table format, sources and licences.
"""
