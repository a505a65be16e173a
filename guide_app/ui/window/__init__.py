"""The main window: its layout, navigation between places, actions, menus and status."""
