"""Shared leaves every layer may use: safe file access in the data folder, and user text."""
