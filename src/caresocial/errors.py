"""The library's exceptions: each message names the file, line or configuration key at fault."""

from __future__ import annotations


class CaresocialError(Exception):
    """Base of every error caresocial raises on purpose."""


class InputError(CaresocialError):
    """A document could not be read (missing, unreadable, binary, undecodable)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(CaresocialError):
    """The configuration, a baseline or an option is invalid; the message names the key."""


class OutputError(CaresocialError):
    """Output could not be written (or would overwrite an input)."""
