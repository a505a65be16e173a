"""Save bookmarks in a loop, printing the count after each completed save (killed by a test)."""

import sys
from pathlib import Path

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore


def main() -> None:
    data = Path(sys.argv[1])
    file = BookmarkFile(data)
    store = BookmarkStore()
    file.load_into(store)
    count = len(store)
    while True:
        store.add(
            f"page-{count}", f"Page {count}", note="A note that makes each record longer. " * 5
        )
        file.save(store)
        count += 1
        print(count, flush=True)


if __name__ == "__main__":
    main()
