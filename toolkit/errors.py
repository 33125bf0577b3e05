"""Exceptions for "could not run". Problems in the data are never raised: they become rejects
and warnings in the conversion report."""

from __future__ import annotations


class NewsdumpError(Exception):
    """Base class: the message is one line that names the fix."""


class InputError(NewsdumpError):
    """An input path cannot be used (missing, unreadable, damaged archive)."""


class OutputError(NewsdumpError):
    """The output folder cannot be written."""


class StudioError(NewsdumpError):
    """Label Studio cannot be reached, refuses the token, or cannot be started."""
