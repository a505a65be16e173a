"""How the app looks: zoom, themes and the style that keeps controls clear."""
