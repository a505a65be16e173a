"""Content editions: signed edition files, the keys trusted to sign them, and those installed."""
