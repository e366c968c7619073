"""Reading input safely (writing is :mod:`textfix.writing`).

Every failure becomes a :class:`TextfixError` with a one-line message.
"""

from __future__ import annotations

import codecs
import os
import sys

from .errors import TextfixError
from .writing import AtomicWriter, atomic_write  # noqa: F401 - where writers have always found them

DEFAULT_MAX_BYTES = 64_000_000
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), refusing inputs over ``max_bytes``.

    ``name`` is how messages call the file (default: ``path``).
    """
    name = name or display_name(path)
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            if os.path.isdir(path):
                raise TextfixError(f"{name} is a directory, not a file")
            size = os.path.getsize(path)
            if size > max_bytes:
                raise TextfixError(_too_big(name, size, max_bytes))
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
        except FileNotFoundError:
            raise TextfixError(f"{name}: no such file") from None
        except PermissionError:
            raise TextfixError(f"{name}: permission denied") from None
        except OSError as e:
            raise TextfixError(f"{name}: cannot read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise TextfixError(_too_big(name, None, max_bytes))
    return data


def _too_big(name: str, size: int | None, max_bytes: int) -> str:
    what = f"{size / 1e6:.1f} MB, over" if size is not None else "over"
    return f"{name} is {what} the {max_bytes / 1e6:g} MB limit; raise it with --max-size"


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode input bytes as text and say which encoding was used, or explain why it is not text.

    UTF-8 is assumed (a BOM selects UTF-8/16/32). Binary data (NUL bytes) and bytes that are not
    valid in the encoding are refused rather than guessed, so no mangled text is ever written.
    """
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                encoding = codec
                break
    if encoding is None:
        nul = data.find(b"\x00")
        if nul != -1:
            raise TextfixError(f"{name} looks binary (NUL byte at offset {nul}); textfix cleans text files")
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except LookupError:
        raise TextfixError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex().upper()
        raise TextfixError(
            f"{name} is not valid {encoding} (byte 0x{bad} at offset {e.start}); "
            f"pass --encoding with its real encoding, e.g. --encoding cp1252"
        ) from None


def read_text(path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    return decode(read_bytes(path, max_bytes), display_name(path), encoding)
