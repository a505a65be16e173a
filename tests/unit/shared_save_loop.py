"""One colleague saving a shared review over and over, as another does at the same moment.

Run as `shared_save_loop.py TMP WHO SHARED REVIEW_ID COUNT`: the review's notes on "crit-both"
are changed once, then each save adds one action to "crit-WHO"; prints how many were saved.
Both colleagues read the review before either saves (each waits for the other's `ready-WHO`).
"""

import sys
import time
from dataclasses import replace
from pathlib import Path

from guide_app.store.review_files import ReviewFiles
from guide_app.store.reviews import Action


def main(tmp: Path, who: str, shared: Path, review_id: str, count: int) -> None:
    files = ReviewFiles(tmp / f"data-{who}", shared=shared, who=who)
    reviews, _, _ = files.load()
    review = reviews[review_id]
    (tmp / f"ready-{who}").touch()
    while len(list(tmp.glob("ready-*"))) < 2:
        time.sleep(0.01)
    both = review.assessment("crit-both")
    review = review.with_assessment("crit-both", replace(both, notes=f"{who} was here"))
    mine = f"crit-{who}"
    for n in range(count):
        found = review.assessment(mine)
        action = Action(f"{who}-{n}", f"{who} {n}")
        review = review.with_assessment(mine, replace(found, actions=(*found.actions, action)))
        review = files.save({review_id: review}, {review_id}).get(review_id, review)
    print(count)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
