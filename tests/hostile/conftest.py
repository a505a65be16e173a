"""Fixtures of the hostile tests: the real window, built as the reliability tests build it."""

from __future__ import annotations

from tests.reliability.conftest import make_window

__all__ = ["make_window"]
