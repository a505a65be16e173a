"""Exports of service reviews: Markdown, CSV, an HTML report for print and PDF."""
