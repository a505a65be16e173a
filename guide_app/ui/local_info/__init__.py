"""The team's local information on guide pages: commands, editor, import preview and saving."""
