"""textfix: repair scraped article text and report every change.

>>> from textfix import clean
>>> clean("It &#x 27; s fine .").text
"It's fine."
"""

from __future__ import annotations

from typing import Iterable

from .cleaner import Cleaner, Document
from .edits import SAFE, UNSAFE, Edit
from .pipeline import Pipeline
from .result import Result

__version__ = "0.1.0"
__all__ = ["clean", "make_pipeline", "Cleaner", "Document", "Edit", "Pipeline", "Result", "SAFE", "UNSAFE"]


def make_pipeline(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    options: dict[str, dict] | None = None,
) -> Pipeline:
    """A pipeline of every registered cleaner, filtered by ``select``/``ignore`` (cleaner codes,
    rule ids or reports' ``cleaner/rule`` ids).

    ``options`` maps a cleaner code to options for that cleaner, checked against what the cleaner
    declares: an unknown cleaner, rule or option, or a value of the wrong type, raises
    :class:`textfix.errors.OptionError` (a ``ValueError``); a ``select`` that is not a list, a
    ``TypeError``.
    """
    from .spec import PipelineSpec

    return PipelineSpec.make(select, ignore, unsafe, options).build()


def clean(
    text: str,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    options: dict[str, dict] | None = None,
) -> Result:
    """Clean one document with the registered cleaners and return the :class:`Result`.

    ``text`` must be a ``str`` (``TypeError`` otherwise: decode bytes first). Raises
    :class:`textfix.errors.OptionError` for unknown cleaners, rules or options, and
    :class:`textfix.errors.NotConverged` (naming the cleaner that kept changing the text)
    when the cleaners do not settle within the pipeline's rounds; the input is then left as it
    was, since a second run would change the output again.
    """
    return make_pipeline(select, ignore, unsafe, options).run(text)
