"""The service review workspace: list of reviews, checklist editor, summary, export."""
