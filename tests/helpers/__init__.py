"""Helpers every kind of test shares; tests import these, never another test module or conftest."""
