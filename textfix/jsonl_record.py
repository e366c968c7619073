"""One JSONL record edited in its own text: only the cleaned field's string token is replaced.

Re-serializing a record would change bytes nobody asked to change: ``3.141592653589793238462643``
would lose digits, ``1e400`` would become the invalid ``Infinity``, a duplicated key would vanish,
spacing and key order would be normalised. So the record is parsed once to find where each
top-level value's token starts and ends, and the new text is spliced in at that span; every
other byte of the line, its line ending included, comes back as it came in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text_safe(text: str) -> str:
    """JSON text made by ``json.dumps(..., ensure_ascii=False)`` with lone surrogates escaped, so
    that it can be written as UTF-8 (``"\\ud800"`` parses back to the same string).

    >>> json_text_safe(json.dumps("a\\ud800é", ensure_ascii=False))
    '"a\\\\ud800é"'
    """
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def string_token(value: str, like: str = "") -> str:
    """The JSON string token for ``value``, escaped in the style of the token ``like`` it replaces:
    a token written all in ASCII with ``\\u`` escapes stays ASCII; otherwise UTF-8 is kept.

    >>> string_token("café"), string_token("café", like='"\\\\u00e9"')
    ('"café"', '"caf\\\\u00e9"')
    """
    ascii_style = like.isascii() and "\\u" in like
    return json_text_safe(json.dumps(value, ensure_ascii=ascii_style))


@dataclass(frozen=True)
class Field:
    """Where one top-level value's token is in the record's line, and the value it holds."""

    start: int
    end: int
    value: object


@dataclass(frozen=True)
class RawRecord:
    """A JSON object line with the spans of its top-level values (the last one of a repeated
    key, the one ``json.loads`` keeps) and the position of its closing brace."""

    line: str
    fields: dict[str, Field]
    close: int

    @classmethod
    def parse(cls, line: str) -> "RawRecord":
        """Parse a line already known to hold one JSON object.

        >>> RawRecord.parse('{"a": 1, "a": "x"}\\n').fields["a"]
        Field(start=14, end=17, value='x')
        """
        fields: dict[str, Field] = {}
        i = _SPACE.match(line, 0).end() + 1  # past "{"
        i = _SPACE.match(line, i).end()
        while line[i] != "}":
            key, i = json.decoder.scanstring(line, i + 1)
            i = _SPACE.match(line, i).end() + 1  # past ":"
            i = _SPACE.match(line, i).end()
            value, end = _DECODER.raw_decode(line, i)
            fields.pop(key, None)
            fields[key] = Field(i, end, value)
            i = _SPACE.match(line, end).end()
            if line[i] == ",":
                i = _SPACE.match(line, i + 1).end()
        return cls(line, fields, i)

    def with_values(self, text_field: str, text: str | None, stats_field: str | None = None,
                    stats: dict | None = None) -> str:
        """The line with ``text_field``'s token replaced by ``text`` (None: kept) and, when
        ``stats_field`` is given, that field's value replaced or added before the closing brace.

        >>> RawRecord.parse('{"n": 1e400, "text": "a"}\\r\\n').with_values("text", "b")
        '{"n": 1e400, "text": "b"}\\r\\n'
        >>> RawRecord.parse('{"text":"a"}').with_values("text", None, "s", {"edits": 0})
        '{"text":"a", "s": {"edits": 0}}'
        """
        edits: list[tuple[int, int, str]] = []
        if text is not None:
            old = self.fields[text_field]
            edits.append((old.start, old.end, string_token(text, self.line[old.start:old.end])))
        if stats_field is not None:
            token = json_text_safe(json.dumps(stats, ensure_ascii=False))
            if stats_field in self.fields:
                old = self.fields[stats_field]
                edits.append((old.start, old.end, token))
            else:
                comma = ", " if self.fields else ""
                edits.append((self.close, self.close, f"{comma}{string_token(stats_field)}: {token}"))
        line = self.line
        for start, end, token in sorted(edits, reverse=True):
            line = line[:start] + token + line[end:]
        return line
