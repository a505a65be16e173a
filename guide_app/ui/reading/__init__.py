"""Reading the guide: the contents, the page, find in page and recent pages."""
