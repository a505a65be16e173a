"""Searching the guide and the user's notes: the index, queries, ranking and results."""
