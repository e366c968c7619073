"""The template file: small, versioned, tab-separated, human-readable, with the counts.

::

    textfix-templates	1	k=5	p=0.7
    site	example.com	120
    line	118	share this article
    run	96	home | news | sport

A ``site`` row gives the site and how many of its documents were read; the ``line`` and
``run`` rows under it give a template key and the number of those documents it was in.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

from ..errors import TextfixError

MAGIC = "textfix-templates"
VERSION = 1


@dataclass
class Site:
    documents: int
    lines: dict[str, int] = field(default_factory=dict)
    runs: dict[str, int] = field(default_factory=dict)


@dataclass
class TemplateSet:
    """Template keys per site with the counts they were learned from."""

    k: int = 5
    p: float = 0.7
    sites: dict[str, Site] = field(default_factory=dict)

    def add(self, site: str, documents: int, kind: str, key: str, count: int) -> None:
        entry = self.sites.setdefault(site, Site(documents))
        (entry.lines if kind == "line" else entry.runs)[key] = count

    def __len__(self) -> int:
        return sum(len(s.lines) + len(s.runs) for s in self.sites.values())

    def update(self, other: "TemplateSet") -> None:
        """Add another file's sites (a later file wins for a site in both)."""
        self.sites.update(other.sites)


def write_templates(templates: TemplateSet, path: str) -> None:
    """Write ``templates`` to ``path`` atomically (a failed write leaves no half-written file)."""
    rows = [f"{MAGIC}\t{VERSION}\tk={templates.k}\tp={templates.p:g}"]
    for name in sorted(templates.sites):
        site = templates.sites[name]
        rows.append(f"site\t{name}\t{site.documents}")
        for kind, group in (("line", site.lines), ("run", site.runs)):
            rows.extend(f"{kind}\t{n}\t{key}" for key, n in sorted(group.items(), key=lambda kv: (-kv[1], kv[0])))
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".templates-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(rows) + "\n")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def read_templates(path: str) -> TemplateSet:
    """Read a template file; a malformed one or another version is a :class:`TextfixError`
    naming the file and line."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = f.read().splitlines()
    except OSError as e:
        raise TextfixError(f"{path}: cannot read template file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise TextfixError(f"{path}: not a template file (not UTF-8 text)") from None
    header = rows[0].split("\t") if rows else []
    if len(header) < 2 or header[0] != MAGIC:
        raise TextfixError(f"{path}:1: not a textfix template file (expected a '{MAGIC}' header)")
    if header[1] != str(VERSION):
        raise TextfixError(f"{path}:1: template file version {header[1]}; this textfix reads version {VERSION}")
    templates = TemplateSet()
    for option in header[2:]:
        name, _, value = option.partition("=")
        try:
            if name == "k":
                templates.k = int(value)
            elif name == "p":
                templates.p = float(value)
        except ValueError:
            raise TextfixError(f"{path}:1: bad header value {option!r}") from None
    site = None
    for number, row in enumerate(rows[1:], start=2):
        fields = row.split("\t")
        if not row.strip():
            continue
        try:
            if fields[0] == "site" and len(fields) == 3:
                site = fields[1]
                templates.sites[site] = Site(int(fields[2]))
                continue
            if fields[0] in ("line", "run") and len(fields) == 3 and fields[2]:
                if site is None:
                    raise TextfixError(f"{path}:{number}: a {fields[0]} row before any site row")
                count = int(fields[1])
                if not 0 < count <= templates.sites[site].documents:
                    raise ValueError
                templates.add(site, 0, fields[0], fields[2], count)
                continue
        except ValueError:
            raise TextfixError(f"{path}:{number}: bad count in {row[:60]!r}") from None
        raise TextfixError(f"{path}:{number}: expected 'site<TAB>name<TAB>documents' or "
                           f"'line|run<TAB>count<TAB>key', got {row[:60]!r}")
    return templates
