"""Searching the guide and the user's notes: the field, the controller and the results."""
