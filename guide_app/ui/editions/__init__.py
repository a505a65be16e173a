"""Content editions in the window: install an update from a file, see and choose editions."""
