"""Text at the edges: any input made safe to process, any output made safe for terminals and spreadsheets."""

from __future__ import annotations

import csv
import re
from typing import Any, BinaryIO, Iterable, Iterator, TextIO

# Every channel's text is cut to this before any work: the log keeps 2,000 characters and the matcher reads 1,000.
MAX_INPUT_CHARS = 2000
MAX_LINE_BYTES = 64 * 1024  # `ask` keeps this much of a line from standard input and skips the rest
REPLACEMENT = "\ufffd"

# Kept: tab and newline. Replaced: the other C0 controls (NUL, ESC...), DEL, the C1 controls, lone surrogates.
_UNSAFE_INPUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Shown as visible symbols when printed: every control character and the bidirectional overrides,
# which can hide or reorder what HR reads in a terminal.
_UNSAFE_OUTPUT = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# json.dumps escapes C0 controls itself (a raw newline in its output is layout); these it leaves raw.
_UNSAFE_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_CSV = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection); full-width forms too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def clean_input(text: str | None, limit: int = MAX_INPUT_CHARS) -> str:
    """Return text cut to `limit` characters with CR as newline, and controls and lone surrogates replaced by U+FFFD."""
    if not text:
        return ""
    text = text[:limit]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE_INPUT.sub(REPLACEMENT, text)


def read_lines(stream: BinaryIO, max_bytes: int = MAX_LINE_BYTES) -> Iterator[str]:
    """Yield each line of a byte stream as text: invalid UTF-8 replaced, over-long lines cut, memory bounded."""
    first = True
    while True:
        line = stream.readline(max_bytes)
        if not line:
            return
        if not line.endswith(b"\n"):
            _skip_rest_of_line(stream, max_bytes)
        text = line.decode("utf-8", errors="replace").rstrip("\r\n")
        if first:
            text, first = text.removeprefix("\ufeff"), False  # a BOM from a Windows editor is not part of the question
        yield text


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> None:
    while True:
        rest = stream.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␊ for a newline
    if code == 0x7F:
        return "\u2421"
    return f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """Return text with every control character and direction override shown as a visible symbol."""
    return _UNSAFE_OUTPUT.sub(_visible, text)


def json_for_terminal(document: str) -> str:
    """Return a JSON document with the controls and direction overrides json.dumps leaves raw written as escapes."""
    return _UNSAFE_JSON.sub(lambda match: f"\\u{ord(match.group(0)):04x}", document)


def csv_cell(value: Any) -> Any:
    """Return a cell a spreadsheet shows as text: controls made visible, a formula start quoted; numbers untouched."""
    if not isinstance(value, str):
        return value
    value = _UNSAFE_CSV.sub(_visible, value)
    if value.lstrip(" ").startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """A csv.writer whose text cells are passed through csv_cell."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row."""
        self._writer.writerow([csv_cell(cell) for cell in row])


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return a dict row for csv.DictWriter with its text cells passed through csv_cell."""
    return {key: csv_cell(value) for key, value in row.items()}
