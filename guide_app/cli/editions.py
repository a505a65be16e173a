"""The edition commands: keygen, pack-edition, trust-key, install-edition, editions, use-edition."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from guide_app import paths
from guide_app.cli.data_folder import CommandError, data_of, holding
from guide_app.common.safe_files import DataRoot
from guide_app.guide.currency import long_date
from guide_app.guide.problems import ContentError, Severity
from guide_app.store.editions import keys
from guide_app.store.editions.edition_file import content_files, pack
from guide_app.store.editions.install import check, install
from guide_app.store.editions.installed import Editions
from guide_app.store.editions.manifest import EditionError
from guide_app.store.editions.trust import add_trusted, find, trusted_keys

_IN_APP = "File > Install content update… or File > Content editions…"


def run(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    """Run one edition command; print why and return 1 if it fails."""
    commands: dict[str, Callable[[argparse.Namespace, Callable[[str], str]], None]] = {
        "keygen": _keygen,
        "pack-edition": _pack,
        "trust-key": _trust,
        "install-edition": _install,
        "editions": _list,
        "use-edition": _use,
    }
    try:
        commands[args.command](args, ask)
    except (CommandError, EditionError, keys.KeyFileError) as error:
        print(f"guide-app {args.command}: {error}", file=sys.stderr)
        for line in getattr(error, "lines", ()) or getattr(error, "problems", ()):
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _keygen(args: argparse.Namespace, _ask: Callable[[str], str]) -> None:
    key = keys.generate(args.name)
    private, public = keys.write_pair(key, Path(args.output))
    print(f"Private key: {private} (keep it safe; anyone holding it can sign editions)")
    print(f"Public key:  {public} (give it to those who will install your editions)")
    print(f"Fingerprint: {key.public().fingerprint}")


def _pack(args: argparse.Namespace, _ask: Callable[[str], str]) -> None:
    from guide_app.guide.load.loader import load_guide

    folder = Path(args.dir)
    key = keys.read_private(Path(args.key))
    try:
        guide = load_guide(folder)
    except ContentError as error:
        raise CommandError(
            f"{folder} has content problems; no edition was made",
            tuple(str(p) for p in error.problems if p.severity is Severity.ERROR),
        ) from None
    try:
        manifest = pack(
            content_files(folder),
            guide.edition,
            guide.date,
            key,
            Path(args.output),
            tuple(args.replaces),
        )
    except OSError as error:
        raise CommandError(f"{args.output} cannot be written: {error.strerror or error}") from None
    print(
        f"Edition {manifest.edition} ({long_date(manifest.date)}): {len(manifest.files)} files, "
        f"signed by {key.name} ({manifest.signer}), written to {args.output}"
    )


def _trust(args: argparse.Namespace, ask: Callable[[str], str]) -> None:
    key = keys.read_public(Path(args.file))
    print(f"Key:         {key.name}")
    print(f"Fingerprint: {key.fingerprint}")
    with holding(data_of(args), _IN_APP) as root:
        if find(trusted_keys(root, _keys())[0], key.fingerprint) is not None:
            print("This key is already trusted here.")
            return
        if not args.yes:
            if not sys.stdin.isatty() and ask is input:
                raise CommandError(
                    "not trusted: check the fingerprint with the key's owner, then run this "
                    "again with --yes"
                )
            answer = ask("Check this fingerprint with the key's owner. Trust it? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("not trusted; nothing was changed")
        path = add_trusted(key, root, _keys())
        print(f"Trusted: editions signed with this key can now be installed (kept in {path})")


def _install(args: argparse.Namespace, _ask: Callable[[str], str]) -> None:
    file = Path(args.file)
    data = data_of(args)
    checked = check(file, _editions(DataRoot(data)))  # writes nothing: checked before the lock
    verified = checked.verified
    print(
        f"Checked edition {checked.edition} ({long_date(verified.manifest.date)}): signed by "
        f"{verified.key.name} ({verified.key.fingerprint}); {len(verified.files)} files match "
        f"their hashes; {checked.pages} pages load without problems."
    )
    with holding(data_of(args), _IN_APP) as root:
        editions = _editions(root)
        checked = check(file, editions)  # again, now that nothing else can change the folder
        edition = install(checked, editions)
    print(
        f"Installed edition {edition.id} in {edition.content.parent}; the guide uses it from "
        f"its next start (edition {checked.in_use.id} is kept: guide-app use-edition "
        f"{'shipped' if checked.in_use.shipped else checked.in_use.id} goes back to it)."
    )


def _list(args: argparse.Namespace, _ask: Callable[[str], str]) -> None:
    data = data_of(args)
    editions = _editions(DataRoot(data))
    used = editions.active()
    keys_here = trusted_keys(editions.root, _keys())[0]
    for message in used.messages:
        print(message, file=sys.stderr)
    for edition in editions.all():
        mark = "*" if edition == used.edition else " "
        signer = find(keys_here, edition.signer)
        by = f"{signer.name} ({edition.signer})" if signer else edition.signer
        where = (
            "shipped with the app" if edition.shipped else f"installed from a file, signed by {by}"
        )
        day = f" ({long_date(edition.date)})" if edition.date else ""
        print(f"{mark} {edition.id}{day}: {where}")


def _use(args: argparse.Namespace, _ask: Callable[[str], str]) -> None:
    with holding(data_of(args), _IN_APP) as root:
        edition = _editions(root).choose(args.edition, pinned=True)
    name = "the app's own edition" if edition.shipped else "edition"
    print(f"The guide uses {name} {edition.id} from its next start.")


def _keys() -> Path:
    """The keys shipped with the app."""
    return paths.keys_dir()


def _editions(root: DataRoot) -> Editions:
    """The editions of the data folder `root`, beside the app's own."""
    return Editions(root, paths.content_dir(), _keys())
