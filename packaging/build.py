"""Build the one-folder bundle with PyInstaller, archive it, and check the unpacked archive runs."""
# ruff: noqa: T201 (a build script reports on stdout)

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "guide-app.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
BUNDLE_NAME = "guide-app"
TIMEOUT = 120  # seconds for each run of the bundle; a smoke test takes about two

# ICU's data (libicudata, 32 MB) is linked by QtCore. Qt formats numbers, dates and names from
# its own locale tables, so ICU's display names and unit, currency and time-zone texts are never
# read: they go (15 MB). Kept: collation, converters, break rules and each locale's core data.
ICU_DROPPED_FOLDERS = ("curr/", "lang/", "rbnf/", "region/", "translit/", "unit/", "zone/")


def version() -> str:
    """Return guide_app.__version__ without importing Qt."""
    sys.path.insert(0, str(REPO))
    from guide_app import __version__

    return __version__


def system_tag() -> str:
    """Return e.g. linux-x86_64, windows-x86_64 or macos-arm64 for the archive's name."""
    systems = {"linux": "linux", "win32": "windows", "darwin": "macos"}
    machines = {"amd64": "x86_64", "aarch64": "arm64"}
    machine = platform.machine().lower()
    return f"{systems.get(sys.platform, sys.platform)}-{machines.get(machine, machine)}"


def bundle_root() -> Path:
    """Return what goes into the archive: the folder, or the .app on macOS."""
    if sys.platform == "darwin":
        from guide_app.identity import APP_NAME

        return DIST / f"{APP_NAME}.app"
    return DIST / BUNDLE_NAME


def executable(root: Path) -> Path:
    """Return the program inside an unpacked bundle."""
    if root.suffix == ".app":
        return root / "Contents" / "MacOS" / BUNDLE_NAME
    return root / (BUNDLE_NAME + (".exe" if sys.platform == "win32" else ""))


def run_pyinstaller() -> None:
    """Run PyInstaller on the spec, replacing any earlier build."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(
            "build.py: PyInstaller is not installed in this Python; run `make package`, "
            "or: pip install -r packaging/requirements.txt"
        )
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=REPO)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"build.py: {name} is needed to trim ICU's data; apt-get install binutils")
    return found


def _output(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def trim_icu_data(root: Path) -> str:
    """Rebuild the bundle's libicudata without ICU_DROPPED_FOLDERS; say what it saved.

    Needs icupkg (Debian: icu-devtools) and binutils; without icupkg the full data stays. Linux
    only: Windows and macOS bundles keep ICU as Qt ships it.
    """
    libraries = sorted(root.rglob("libicudata.so.*"))
    if not sys.platform.startswith("linux") or not libraries:
        return "ICU data: left as it is (not a Linux bundle)"
    icupkg = shutil.which("icupkg")
    if icupkg is None:
        return "ICU data: left whole (32 MB): icupkg not found (apt-get install icu-devtools)"
    library = libraries[0]
    soname = library.name  # libicudata.so.73
    major = soname.rsplit(".", 1)[-1]
    symbol = f"icudt{major}_dat"
    # Where the data sits in the file: the symbol's address, less its section's, plus the
    # section's offset in the file.
    # ICU looks items up as icudt73l/<item>: icupkg takes that prefix from the file's name.
    package = f"icudt{major}{'l' if sys.byteorder == 'little' else 'b'}"
    # Where the data sits in the file: the symbol's address, less its section's, plus the
    # section's offset in the file; it runs to the end of the section.
    found = [line.split() for line in _output(_tool("objdump"), "-T", str(library)).splitlines()]
    address = next(int(f[0], 16) for f in found if f and f[-1] == symbol)
    sections = [line.split() for line in _output("objdump", "-h", str(library)).splitlines()]
    length, vma, offset = next(
        (int(f[2], 16), int(f[3], 16), int(f[5], 16)) for f in sections if f[1:2] == [".rodata"]
    )
    header = _output("objdump", "-f", str(library))
    file_format = header.split("file format ")[1].split()[0]  # elf64-x86-64
    architecture = header.split("architecture: ")[1].split(",")[0]  # i386:x86-64
    with tempfile.TemporaryDirectory(prefix="guide-app-icu-") as temporary:
        work = Path(temporary)
        (work / "trimmed").mkdir()
        with library.open("rb") as whole:
            whole.seek(offset + address - vma)
            (work / f"{package}.dat").write_bytes(whole.read(length - (address - vma)))
        items = _output(icupkg, "-l", str(work / f"{package}.dat")).split()
        dropped = [item for item in items if item.startswith(ICU_DROPPED_FOLDERS)]
        if not dropped:
            return "ICU data: already trimmed"
        (work / "dropped.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        subprocess.run(
            [icupkg, "-r", "dropped.txt", f"{package}.dat", f"trimmed/{package}.dat"],
            check=True,
            cwd=work,
        )
        subprocess.run(
            [
                _tool("objcopy"), "-I", "binary", "-O", file_format, "-B", architecture,
                "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
                "--add-symbol", f"{symbol}=.rodata:0,global,object",
                *(f"--strip-symbol=_binary_{package}_dat_{e}" for e in ("start", "end", "size")),
                f"{package}.dat", "icudata.o",
            ],
            check=True,
            cwd=work / "trimmed",
        )  # fmt: skip
        subprocess.run(
            [_tool("ld"), "-shared", "-soname", soname, "-z", "noexecstack", "-o", soname,
             "icudata.o"],
            check=True,
            cwd=work / "trimmed",
        )  # fmt: skip
        before = library.stat().st_size
        shutil.copyfile(work / "trimmed" / soname, library)
    saved = before - library.stat().st_size
    return f"ICU data: {len(dropped)} items left out, {megabytes(saved)} saved"


def check_icu(root: Path) -> None:
    """Open what Qt may ask ICU for (a converter, line breaks, collation) from the bundle."""
    if not sys.platform.startswith("linux"):
        return
    libraries = {path.name.split(".so")[0]: path for path in root.rglob("libicu*.so.*")}
    if not {"libicuuc", "libicui18n"} <= libraries.keys():
        return
    major = libraries["libicuuc"].name.rsplit(".", 1)[-1]
    common = ctypes.CDLL(str(libraries["libicuuc"]))
    i18n = ctypes.CDLL(str(libraries["libicui18n"]))
    error = ctypes.c_int(0)
    calls: list[tuple[str, ctypes.CDLL, str, tuple[object, ...]]] = [
        ("its data", common, "u_init", ()),
        ("a Shift_JIS converter", common, "ucnv_open", (b"Shift_JIS",)),
        ("line breaks for en_GB", common, "ubrk_open", (2, b"en_GB", None, 0)),  # 2: lines
        ("collation for en_GB", i18n, "ucol_open", (b"en_GB",)),
    ]
    for what, library, name, arguments in calls:
        function = getattr(library, f"{name}_{major}")
        function.restype = ctypes.c_void_p
        error.value = 0
        opened = function(*arguments, ctypes.byref(error))
        check(error.value <= 0, f"ICU cannot open {what} (UErrorCode {error.value})")
        check(name == "u_init" or opened is not None, f"ICU returned nothing for {what}")
    print(f"ICU {major}: converter, line breaks and collation open from the bundle's data")


def folder_size(root: Path) -> tuple[int, int]:
    """Return the bytes and the number of regular files under root (links not followed)."""
    total = count = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def _reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Store files as root's, so unpacking as root gives nobody else's ownership."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def write_archive(root: Path, name: str) -> Path:
    """Write the bundle as dist/<name>.tar.gz (.zip on Windows), its folder renamed <name>."""
    if sys.platform == "win32":
        archive = DIST / f"{name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(root.rglob("*")):
                zipped.write(path, Path(name) / path.relative_to(root))
        return archive
    archive = DIST / f"{name}.tar.gz"
    top = root.name if root.suffix == ".app" else name
    with tarfile.open(archive, "w:gz") as tarred:
        tarred.add(root, arcname=top, filter=_reset)
    return archive


def unpack(archive: Path, into: Path) -> Path:
    """Unpack the archive into a folder and return the bundle inside it."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
    else:
        with tarfile.open(archive) as tarred:
            if hasattr(tarfile, "tar_filter"):  # Python 3.11.4 and later
                tarred.extractall(into, filter="tar")
            else:
                tarred.extractall(into)  # our own archive, just written
    (root,) = into.iterdir()
    return root


def run_bundle(program: Path, *args: str, data: Path | None) -> subprocess.CompletedProcess[str]:
    """Run the bundled program offscreen; with data None, let it choose its data folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GUIDE_APP_DATA_DIR", None)
    if data is not None:
        env["GUIDE_APP_DATA_DIR"] = str(data)
    result = subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False
    )
    print(f"$ {program.name} {' '.join(args)}  -> exit {result.returncode}")
    for line in (result.stdout + result.stderr).splitlines():
        print(f"    {line}")
    return result


def check(ok: bool, what: str) -> None:
    """Stop the build with a message when a check of the bundle fails."""
    if not ok:
        raise SystemExit(f"build.py: bundle check failed: {what}")


def check_bundle(root: Path, expected_version: str, scratch: Path) -> None:
    """Run the unpacked bundle: smoke test, --version, a PDF export, and portable mode."""
    program = executable(root)
    windowed = sys.platform == "win32"  # a windowed .exe may have no stdout to read
    data = scratch / "data"
    smoke = run_bundle(program, "--smoke-test", data=data)
    check(smoke.returncode == 0, "--smoke-test exited non-zero")
    check(windowed or "smoke test passed" in smoke.stdout, "--smoke-test did not say it passed")
    shown = run_bundle(program, "--version", data=data)
    check(shown.returncode == 0, "--version exited non-zero")
    check(windowed or expected_version in shown.stdout, f"--version did not say {expected_version}")

    # Print support (QtPrintSupport) is loaded only when a report is exported or printed.
    from guide_app.store.review_book import ReviewBook

    book = ReviewBook(data)
    review = book.create("Bundle check", "Packaging", "2026-11-26")
    book.save_dirty()
    pdf = scratch / "review.pdf"
    exported = run_bundle(
        program, "export-review", review.id, "--format", "pdf", "--output", str(pdf), data=data
    )
    check(exported.returncode == 0, "export-review --format pdf exited non-zero")
    check(pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), "the exported PDF is missing")

    # Portable mode: portable.txt beside the program puts the data in data/ beside it.
    marker = program.parent / "portable.txt"
    marker.write_text("Keep all data in the data folder beside the program.\n", encoding="utf-8")
    portable = program.parent / "data"
    listed = run_bundle(program, "reviews", data=None)
    check(listed.returncode == 0, "`reviews` in portable mode exited non-zero")
    check(windowed or str(portable) in listed.stdout, f"portable mode did not use {portable}")
    smoke = run_bundle(program, "--smoke-test", data=None)
    check(smoke.returncode == 0, "--smoke-test in portable mode exited non-zero")
    check(portable.is_dir(), f"portable mode did not create {portable}")


def megabytes(size: int) -> str:
    """Return a size in MB (10^6 bytes) and MiB, as `du -h` shows it."""
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def main(argv: Sequence[str] | None = None) -> int:
    """Build, archive, check; print the sizes; exit non-zero if any step fails."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--skip-build", action="store_true", help="archive and check the existing dist/ build"
    )
    parser.add_argument(
        "--keep-icu-data", action="store_true", help="leave ICU's data library as Qt ships it"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    expected = version()
    if not args.skip_build:
        run_pyinstaller()
    root = bundle_root()
    check(executable(root).is_file(), f"{executable(root)} was not built")
    trimmed = trim_icu_data(root) if not args.keep_icu_data else "ICU data: kept whole (asked)"
    print(trimmed)
    name = f"{BUNDLE_NAME}-{expected}-{system_tag()}"
    for old in DIST.glob(f"{name}.*"):
        old.unlink()
    archive = write_archive(root, name)
    with tempfile.TemporaryDirectory(prefix="guide-app-bundle-") as temporary:
        scratch = Path(temporary)
        unpacked = unpack(archive, scratch / "unpacked")
        size, files = folder_size(unpacked)
        check_icu(unpacked)
        check_bundle(unpacked, expected, scratch)
    print(trimmed)
    print(f"bundle:   {root.relative_to(REPO)}")
    print(f"unpacked: {megabytes(size)} in {files} files")
    print(f"archive:  {archive.relative_to(REPO)}, {megabytes(archive.stat().st_size)}")
    print(f"build and checks took {time.monotonic() - started:.0f} s; all bundle checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
