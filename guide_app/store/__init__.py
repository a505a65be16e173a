"""User data kept on disk: bookmarks, service reviews and the one atomic writer (no widgets)."""
