"""A reader for the plain regular-expression syntax of the listed patterns, enough to know what
every match must contain and how long it can be (for the pre-filters in :mod:`.patterns`).

It reads literals, escapes, character classes, groups (capturing, ``(?:``, scoped flags,
lookarounds), alternation and quantifiers; anything else raises :class:`Unsupported`, and the
pattern then simply gets no pre-filter. Our own reader, so that nothing depends on a library's
private parser.
"""

from __future__ import annotations

from dataclasses import dataclass

UNBOUNDED = None  # a repeat without an upper bound


class Unsupported(ValueError):
    """Syntax this reader does not know."""


@dataclass(frozen=True)
class Char:
    """One character from a set: ``chars`` when it is a few known characters, else None;
    ``anything``: the expression's ``.``."""

    chars: frozenset[str] | None
    anything: bool = False


@dataclass(frozen=True)
class Empty:
    """A zero-width item: an anchor, a word boundary or a lookaround."""


@dataclass(frozen=True)
class Group:
    """Alternatives, each a sequence of items."""

    alternatives: tuple[tuple, ...]


@dataclass(frozen=True)
class Repeat:
    item: object
    low: int
    high: int | None


ZERO_WIDTH_ESCAPES = set("bBAZ")
CLASS_ESCAPES = set("wWsSdD")
LITERAL_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v"}
SPECIAL = set(".^$*+?{}[]\\|()")


def parse(expression: str) -> tuple:
    """The sequence of items of ``expression``.

    >>> parse("ab?")[1]
    Repeat(item=Char(chars=frozenset({'b'}), anything=False), low=0, high=1)
    >>> parse("(?<x>a)")
    Traceback (most recent call last):
    ...
    textfix.boilerplate.regex_syntax.Unsupported: group syntax at 1
    """
    reader = _Reader(expression)
    found = reader.alternatives()
    if reader.pos != len(expression):
        raise Unsupported(f"unbalanced ')' at {reader.pos}")
    return found[0] if len(found) == 1 else (Group(tuple(found)),)


def width(items) -> int | None:
    """The most characters a sequence can match (None: no bound).

    >>> width(parse(r"(share|print) this\\W{0,3}")), width(parse(r"share\\W*"))
    (13, None)
    """
    total = 0
    for item in items:
        size = _item_width(item)
        if size is None:
            return None
        total += size
    return total


def _item_width(item) -> int | None:
    if isinstance(item, Char):
        return 1
    if isinstance(item, Empty):
        return 0
    if isinstance(item, Group):
        sizes = [width(alternative) for alternative in item.alternatives]
        return None if None in sizes else max(sizes)
    size = _item_width(item.item)
    if size is None or (item.high is UNBOUNDED and size):
        return None
    return size * (item.high or 0)


class _Reader:
    def __init__(self, text: str):
        self.text, self.pos = text, 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self) -> str:
        ch = self.peek()
        if not ch:
            raise Unsupported("unexpected end")
        self.pos += 1
        return ch

    def alternatives(self) -> list[tuple]:
        found = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            found.append(self.sequence())
        return found

    def sequence(self) -> tuple:
        items = []
        while self.peek() and self.peek() not in "|)":
            item = self.atom()
            items.append(self.quantified(item))
        return tuple(items)

    def quantified(self, item):
        ch = self.peek()
        if ch in ("?", "*", "+"):
            self.pos += 1
            low, high = {"?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}[ch]
        elif ch == "{" and self._counted():
            low, high = self._counted()
            self.pos = self.text.index("}", self.pos) + 1
        else:
            return item
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings and widths
            self.pos += 1
        if isinstance(item, Empty):
            raise Unsupported(f"repeated zero-width item at {self.pos}")
        return Repeat(item, low, high)

    def _counted(self) -> tuple[int, int | None] | None:
        end = self.text.find("}", self.pos)
        inside = self.text[self.pos + 1 : end] if end > 0 else ""
        low, comma, high = inside.partition(",")
        if not (low.isdigit() or (comma and not low)) or (high and not high.isdigit()):
            return None
        return int(low or 0), (int(high) if high else UNBOUNDED) if comma else int(low)

    def atom(self):
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.character_class()
        if ch == ".":
            return Char(None, anything=True)
        if ch in "^$":
            return Empty()
        if ch == "\\":
            return self.escape()
        if ch in SPECIAL:
            raise Unsupported(f"{ch!r} at {self.pos - 1}")
        return Char(frozenset(ch))

    def group(self):
        start = self.pos
        zero_width = False
        if self.peek() == "?":
            self.pos += 1
            head = self.take()
            if head in "=!":
                zero_width = True
            elif head == "<" and self.peek() in "=!":
                self.pos += 1
                zero_width = True
            elif head != ":":
                # Scoped flags: "(?-i:", "(?i:", "(?x-i:" ... only the letters imsx.
                self.pos -= 1
                while self.peek() in set("imsx-"):
                    self.pos += 1
                if self.take() != ":" or self.pos - start < 3:
                    raise Unsupported(f"group syntax at {start}")
        found = self.alternatives()
        if self.take() != ")":
            raise Unsupported(f"unclosed group at {start}")
        return Empty() if zero_width else Group(tuple(found))

    def escape(self):
        ch = self.take()
        if ch in ZERO_WIDTH_ESCAPES:
            return Empty()
        if ch in CLASS_ESCAPES:
            return Char(None)
        if ch in "pP":
            if self.take() != "{":
                raise Unsupported(f"property syntax at {self.pos}")
            self.pos = self.text.index("}", self.pos) + 1
            return Char(None)
        if ch in LITERAL_ESCAPES:
            return Char(frozenset(LITERAL_ESCAPES[ch]))
        if ch.isalnum():
            raise Unsupported(f"escape \\{ch} at {self.pos - 2}")
        return Char(frozenset(ch))

    def character_class(self):
        """A class of plain characters is a set of them; with a range, a category or a
        negation it is some character (None)."""
        chars: set[str] | None = set()
        if self.peek() == "^":
            self.pos += 1
            chars = None
        first = True
        while first or self.peek() != "]":
            first = False
            ch = self.take()
            if ch == "\\":
                escaped = self.take()
                if escaped in CLASS_ESCAPES or escaped in "pP" or escaped.isalnum() and escaped not in LITERAL_ESCAPES:
                    if escaped in "pP" and self.peek() == "{":
                        self.pos = self.text.index("}", self.pos) + 1
                    chars = None
                    continue
                ch = LITERAL_ESCAPES.get(escaped, escaped)
            elif ch == "[":
                raise Unsupported(f"nested class at {self.pos - 1}")
            if self.peek() == "-" and self.text[self.pos + 1 : self.pos + 2] not in ("]", ""):
                self.pos += 2  # a range: not a few known characters
                if self.text[self.pos - 1] == "\\":
                    self.pos += 1
                chars = None
                continue
            if chars is not None:
                chars.add(ch)
        self.pos += 1
        return Char(None if chars is None else frozenset(chars))
