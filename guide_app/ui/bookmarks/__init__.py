"""Bookmarks in the window: the star, the pane, its model and undo."""
