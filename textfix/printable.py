"""Text made safe to print on a terminal: the one place paths and messages are escaped.

A file name may hold any byte but ``/`` and NUL. Printed as it is, an ESC or OSC sequence in one
can retitle or confuse the terminal, a bidi control can make it read as another name, and a
newline can forge a message line. So every message textfix prints goes through
:func:`printable`, which spells out each character that does not print as itself.
"""

from __future__ import annotations

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every character that does not print as itself escaped: C0 and C1 controls
    (ESC, and so OSC sequences), DEL, bidi and other format controls, line and paragraph
    separators, lone surrogates. Letters of any script, spaces and marks are kept.

    >>> printable("a\\x1b]0;owned\\x07.txt"), printable("ok\\u202egnp.txt"), printable("café.txt")
    ('a\\\\e]0;owned\\\\x07.txt', 'ok\\\\u202egnp.txt', 'café.txt')
    >>> printable("bad\\udcff.txt"), printable("two\\nlines")
    ('bad\\\\xff.txt', 'two\\\\nlines')
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else _escaped(char) for char in text)
