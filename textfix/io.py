"""Reading input safely and writing output atomically.

Every failure becomes a :class:`TextfixError` with a one-line message; nothing here leaves a
half-written file behind.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile

from .errors import TextfixError

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


class AtomicWriter:
    """Write a file so that readers see the old file or the new one, never half of one.

    Data goes to a temporary file in the same folder; on success it is flushed to disk, takes
    over the old file's permission bits and is renamed over the target. On any failure (or
    Ctrl-C) the temporary file is removed and the target is untouched::

        with AtomicWriter("out.txt") as w:
            w.write("text")
    """

    def __init__(self, path: str, encoding: str = "utf-8", make_dirs: bool = False):
        self.path = path
        self.encoding = encoding
        self.make_dirs = make_dirs
        self._tmp: str | None = None
        self._file = None
        self._cancelled = False

    def __enter__(self) -> "AtomicWriter":
        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            if self.make_dirs:
                os.makedirs(folder, exist_ok=True)
            try:
                self._mode = os.stat(self.path).st_mode & 0o7777
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                self._mode = 0o666 & ~umask
            fd, self._tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(self.path)}.",
                                             suffix=".textfix-tmp")
            self._file = os.fdopen(fd, "wb")
        except OSError as e:
            self._discard()
            raise TextfixError(f"{self.path}: cannot write ({e.strerror or e})") from None
        return self

    def write(self, text: str) -> None:
        try:
            self._file.write(text.encode(self.encoding))
        except UnicodeEncodeError as e:
            raise TextfixError(f"{self.path}: the cleaned text cannot be written as {self.encoding} ({e.reason})") from None
        except OSError as e:
            raise TextfixError(f"{self.path}: cannot write ({e.strerror or e})") from None

    def cancel(self) -> None:
        """Leave the target as it was: the temporary file is removed on exit."""
        self._cancelled = True

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or self._cancelled:
            self._discard()
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.chmod(self._tmp, self._mode)
            os.replace(self._tmp, self.path)
            self._tmp = None
        except OSError as e:
            self._discard()
            raise TextfixError(f"{self.path}: cannot write ({e.strerror or e})") from None

    def _discard(self) -> None:
        if self._file is not None and not self._file.closed:
            self._file.close()
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None


def atomic_write(path: str, text: str, encoding: str = "utf-8", make_dirs: bool = False) -> None:
    """Replace ``path`` with ``text`` atomically (see :class:`AtomicWriter`)."""
    with AtomicWriter(path, encoding, make_dirs) as writer:
        writer.write(text)
