"""The guide's content: model, loader, links and page composition (no Qt here)."""
