"""Site templates: lines a site repeats on many of its pages, learned across a batch.

A single page cannot prove that a line is furniture; many pages of the same site can. The
counter (:mod:`.counting`) reads documents once, per site, with bounded memory; :func:`learn`
keeps the lines that recur in at least ``k`` documents and a share ``p`` of the site's
documents; :mod:`.fileformat` writes and reads the small versioned file that records the counts.
"""

from .counting import DEFAULT_K, DEFAULT_P, SiteCounter, learn, line_key, run_keys
from .fileformat import TemplateSet, read_templates, write_templates

__all__ = ["DEFAULT_K", "DEFAULT_P", "SiteCounter", "TemplateSet", "learn", "line_key", "read_templates", "run_keys", "write_templates"]
