"""Help: the shortcuts, About, diagnostics and the dialogs that report problems."""
