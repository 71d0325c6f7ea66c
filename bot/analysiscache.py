"""The analyses of the knowledge's texts, kept on disk between starts: every start used to analyse the same texts.

Building the index analyses a few thousand texts with SudachiPy (about half of the start-up). `AnalysisCache` keeps
what one build analysed in one file, named by a key over everything an analysis depends on (this code's analyzer,
the Python, SudachiPy and its dictionary, jaconv and the stemmer), and lends it to the next build: a text found
there is not analysed again, a new one is, and the file is rewritten with exactly the texts the build used (so an
edit of the knowledge neither misses old texts nor keeps dead ones). A file that is corrupt, truncated or written
by another version is ignored and replaced; a directory that cannot be written only costs the speed. Several
processes (`serve --workers N`) may share one directory: each writes a whole new file and renames it into place.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib.util import find_spec
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAGIC = b"minato-bot analyses 1\n"
DIGEST_BYTES = 32
STALE_SECONDS = 86_400  # another key's file untouched this long is left by an older version: removed
DEPENDENCIES = ("sudachipy", "sudachidict_core", "sudachidict_small", "sudachidict_full", "jaconv", "Stemmer",
                "snowballstemmer")

Analyses = dict[str, dict[str, Any]]  # kind ("morphemes", "tokens") -> text -> the analysis as plain tuples


class Shelf:
    """The analyses lent to the analyzer (bot.analyzer, bot.normalize) while an index is built, and the ones it used."""

    def __init__(self) -> None:
        self.stored: Analyses = {}
        self.used: Analyses | None = None  # None: no build is recording
        self._thread: int | None = None

    def look_up(self, kind: str, text: str) -> Any:
        """Return the stored analysis of a text (plain tuples), or None; note its use by the recording build."""
        found = self.stored.get(kind, {}).get(text)
        if found is not None:
            self.note(kind, text, found)
        return found

    def note(self, kind: str, text: str, analysis: Any) -> None:
        """Keep an analysis the recording build used (analyses made by other threads, answering meanwhile, are not)."""
        if self.used is not None and threading.get_ident() == self._thread:
            self.used[kind][text] = analysis

    def lend(self, stored: Analyses) -> None:
        """Lend stored analyses and start recording the ones this thread uses."""
        self.stored, self.used, self._thread = stored, {"morphemes": {}, "tokens": {}}, threading.get_ident()

    def take_back(self) -> Analyses:
        """Stop recording; return what the build used."""
        used, self.stored, self.used, self._thread = self.used or {}, {}, None, None
        return used


SHELF = Shelf()


class AnalysisCache:
    """One directory of analyses files (MINATO_CACHE_DIR)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / f"analyses-{cache_key()}.bin"

    @contextmanager
    def building(self) -> Iterator[None]:
        """Lend the stored analyses to the index built inside, then keep what it used for the next start."""
        from bot.normalize import forget_analyses

        stored = self.read()
        forget_analyses()  # a text analysed before (by an earlier build) must pass the shelf to be recorded
        SHELF.lend(stored)
        try:
            yield
        except BaseException:
            SHELF.take_back()
            raise
        used = SHELF.take_back()
        if used != stored:
            self.write(used)

    def read(self) -> Analyses:
        """Return the stored analyses, or none when the file is missing, unreadable, corrupt or of another kind."""
        try:
            data = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return {}
        except OSError as exc:
            log.warning("cannot read the analyses cache %s: %s", self.path, exc.strerror or exc)
            return {}
        payload = data[len(MAGIC) + DIGEST_BYTES:]
        if data[:len(MAGIC)] != MAGIC or data[len(MAGIC):len(MAGIC) + DIGEST_BYTES] != hashlib.sha256(payload).digest():
            log.warning("ignoring the corrupt analyses cache %s (it is made again)", self.path)
            return {}
        analyses = marshal.loads(payload)  # what this code wrote: the digest matched
        return analyses if isinstance(analyses, dict) else {}

    def write(self, analyses: Analyses) -> None:
        """Write the analyses as a whole new file renamed into place (readers never see half of one)."""
        payload = marshal.dumps(analyses)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, self.path)
        except OSError as exc:
            log.warning("cannot write the analyses cache %s: %s (starts stay slower)", self.path, exc.strerror or exc)
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
            return
        self._remove_stale()

    def _remove_stale(self) -> None:
        # Files of other keys (an older version's) that nobody has rewritten for a day.
        for other in self.directory.glob("analyses-*.bin"):
            with suppress(OSError):
                if other != self.path and time.time() - other.stat().st_mtime > STALE_SECONDS:
                    other.unlink()


def cache_key(code: Path | None = None, dependencies: tuple[str, ...] = DEPENDENCIES) -> str:
    """Return a key over everything an analysis depends on: a change of any gives another file.

    The analyzer's code (bot/analyzer.py and bot/normalize.py, which makes its words tokens, unless `code` is
    given), the Python, and the installed files of each dependency (a reinstalled dictionary has another size or time).
    """
    if code is None:
        from bot import analyzer, normalize, phonetyping

        # (phonetyping: clean(), which every analysis reads its text through, spells as typed what was meant)
        codes = [Path(analyzer.__file__), Path(normalize.__file__), Path(phonetyping.__file__)]
    else:
        codes = [code]
    digest = hashlib.sha256(MAGIC + sys.version.encode())
    for path in codes:
        digest.update(path.read_bytes())
    for name in dependencies:
        spec = find_spec(name)
        if spec is None:
            digest.update(f"{name}: none\n".encode())
            continue
        for location in [spec.origin, *(spec.submodule_search_locations or [])]:
            digest.update(f"{name}: {_marks(Path(location)) if location else ''}\n".encode())
    return digest.hexdigest()[:32]


def _marks(path: Path) -> str:
    # A file's size and time, or those of a package directory's files and resources (a compiled module, a dictionary).
    try:
        files = [path] if path.is_file() else sorted(
            p for folder in (path, path / "resources") if folder.is_dir() for p in folder.iterdir() if p.is_file())
        return ";".join(f"{p}:{(s := p.stat()).st_size}:{s.st_mtime_ns}" for p in files)
    except OSError:
        return f"{path}: unreadable"
