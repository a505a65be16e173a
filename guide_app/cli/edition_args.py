"""The sub-commands that make, trust, install and choose content editions (work in editions.py)."""

from __future__ import annotations

import argparse

from guide_app.cli.data_folder import add_folder_options

COMMANDS = ("keygen", "pack-edition", "trust-key", "install-edition", "editions", "use-edition")
DEFAULT_KEY_NAME = "Guide editions"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the edition commands to the `guide-app` parser's sub-commands."""
    keygen = commands.add_parser(
        "keygen",
        help="make a key pair for signing content editions",
        description="Make an Ed25519 key pair: NAME.key (keep it private and safe) and NAME.pub "
        "(give it to those who will trust your editions). Never writes over a file.",
    )
    keygen.add_argument("--output", required=True, metavar="DIR", help="the folder to write to")
    keygen.add_argument(
        "--name",
        default=DEFAULT_KEY_NAME,
        help=f"who signs with it, shown to users (default: {DEFAULT_KEY_NAME})",
    )
    pack = commands.add_parser(
        "pack-edition",
        help="make a signed edition file from a content folder",
        description="Check a content folder, then write it as one signed edition file: its "
        "files, a manifest with each file's SHA-256, the edition id and date, and a signature.",
    )
    pack.add_argument("dir", metavar="DIR", help="the content folder")
    pack.add_argument(
        "--key", required=True, metavar="PRIVATE_KEY", help="the .key file to sign with"
    )
    pack.add_argument("--output", required=True, metavar="FILE", help="the edition file to write")
    pack.add_argument(
        "--replaces",
        action="append",
        default=[],
        metavar="ID",
        help="an edition this one corrects, so it installs over it even if not newer (repeatable)",
    )
    trust = commands.add_parser(
        "trust-key",
        help="trust a public key to sign editions",
        description="Show a public key's fingerprint and, once you agree, trust it to sign "
        "content editions for this data folder (copied to <data>/trusted-keys/).",
    )
    trust.add_argument("file", metavar="FILE", help="the .pub file")
    trust.add_argument(
        "--yes", action="store_true", help="do not ask (you have checked the fingerprint)"
    )
    add_folder_options(trust, "")
    install = commands.add_parser(
        "install-edition",
        help="install a content edition from a file",
        description="Check an edition file (signature, every file's hash, that it is newer, "
        "its whole content) and install it as the edition used. Exit 1, changing nothing, if "
        "any check fails.",
    )
    install.add_argument("file", metavar="FILE", help="the edition file")
    add_folder_options(install, "")
    listing = commands.add_parser(
        "editions",
        help="list the content editions and which is used",
        description="List the shipped edition and those installed; * marks the one used.",
    )
    add_folder_options(listing, "")
    use = commands.add_parser(
        "use-edition",
        help="choose which installed content edition to use",
        description="Use edition ID from the next start ('shipped' names the app's own).",
    )
    use.add_argument("edition", metavar="ID", help="the edition's id, or 'shipped'")
    add_folder_options(use, "")
