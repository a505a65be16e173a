"""Preferences in Qt's INI format, kept in a private working copy and saved back safely."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from guide_app.common.safe_files import DataRoot

log = logging.getLogger(__name__)
LIMIT = 1024 * 1024  # window geometry and a few choices: a few hundred bytes in practice


class DataSettings(QSettings):
    """`settings.ini` in the data folder, which Qt itself never writes to.

    Qt writes settings files itself, following links and making missing folders, so it works
    on a private copy in a temporary folder; `save()` writes that copy into the data folder
    through the one atomic writer (no link followed, nothing made if the data folder moved).
    A settings file that cannot be read (a link, a pipe, too large) is left as it is: the
    guide starts with its usual settings, says so in `problem`, and never saves over it.
    """

    def __init__(self, data_file: Path, root: DataRoot | None = None) -> None:
        self.data_file = data_file
        self.root = root if root is not None else DataRoot(data_file.parent)
        self.problem = ""
        self._working_dir = Path(tempfile.mkdtemp(prefix="guide-app-settings-"))
        atexit.register(shutil.rmtree, self._working_dir, ignore_errors=True)
        working = self._working_dir / data_file.name
        try:
            working.write_bytes(self.root.read(data_file, LIMIT))
        except FileNotFoundError:
            pass  # a first start: nothing saved yet
        except OSError as error:
            self.problem = (
                f"{data_file} could not be read ({error.strerror or error}). The guide starts "
                "with its usual settings and will not save over that file."
            )
        super().__init__(str(working), QSettings.Format.IniFormat)

    @property
    def folder(self) -> Path:
        """The data folder the settings belong to."""
        return self.data_file.parent

    def save(self) -> bool:
        """Write the settings into the data folder; False (and a log line) if they could not be."""
        self.sync()
        if self.problem:
            return False
        try:
            data = Path(self.fileName()).read_bytes()
            self.root.write(self.data_file, data)
        except OSError as error:
            log.warning("could not save the settings to %s: %s", self.data_file, error)
            return False
        return True
