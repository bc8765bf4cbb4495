"""Library errors. The CLI turns each into one stderr line and an exit code."""

from __future__ import annotations


class VocError(Exception):
    """Base error: says what went wrong, where, and how to fix it."""

    exit_code = 1


class DataError(VocError):
    """Input data could not be read or analysed (exit 1)."""

    exit_code = 1


class ConfigError(VocError):
    """A pipeline, label file or option is invalid (exit 2)."""

    exit_code = 2
