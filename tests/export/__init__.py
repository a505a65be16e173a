"""Reports on paper and in files: Markdown, CSV, HTML and PDF (they need Qt)."""
