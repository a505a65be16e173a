"""Qt widgets: the main window and its panes, each handed the models it shows."""
