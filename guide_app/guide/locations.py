"""The two kinds of place a link can name: a guide page (guide:<id>) and a review (review:…)."""

from __future__ import annotations

GUIDE_SCHEME = "guide:"
REVIEW_SCHEME = "review:"  # review:<id>/<criterion>, a place in the user's own reviews
