"""Keep credentials out of every log line: each record is redacted as it is created, whoever logs it."""

from __future__ import annotations

import logging
import traceback
from typing import Any, Iterable
from urllib.parse import quote, quote_plus

REDACTED = "[redacted]"
CHATTY_LOGGERS = ("httpx", "httpcore")  # their INFO lines carry request URLs, and the Bot API's hold the token

_forms: tuple[str, ...] = ()
_base_factory = logging.getLogRecordFactory()


def secret_forms(secrets: Iterable[str]) -> tuple[str, ...]:
    """Return every way a secret may be spelled in a log line (as is, URL-encoded), longest first."""
    forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""), quote_plus(secret))}
    return tuple(sorted(forms, key=len, reverse=True))


def redact(text: str, forms: Iterable[str] | None = None) -> str:
    """Return text with every configured secret replaced by [redacted]."""
    for form in _forms if forms is None else forms:
        if form in text:
            text = text.replace(form, REDACTED)
    return text


def install_log_redaction(secrets: Iterable[str]) -> None:
    """Redact these secrets from every log record from now on (message, arguments, exception and stack text).

    A record factory rather than a handler filter: it applies to every handler, including ones added later
    and Python's last-resort handler. Calling it again replaces the secrets.
    """
    global _forms
    _forms = secret_forms(secrets)
    if logging.getLogRecordFactory() is not _redacting_factory:
        logging.setLogRecordFactory(_redacting_factory)
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    if _forms:
        _redact_record(record)
    return record


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # arguments that do not fit the format: keep both, as text
        message = f"{record.msg!r} {record.args!r}"
    record.msg, record.args = redact(message), None
    if record.exc_info and record.exc_info[1] is not None:
        # Formatters use exc_text when it is set, so the traceback is written from the redacted copy.
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        record.exc_info = None
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
