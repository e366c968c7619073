"""The base every cleaner derives from, and the per-document context cleaners share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Iterable

from .edits import SAFE, Edit


class Document:
    """What a cleaner may know about the document besides its current text.

    ``notes`` is where a cleaner leaves document-level findings for the report (a spin score,
    the detected language); they are data, not log lines. ``working`` is where a cleaner keeps
    what it learnt about the document between rounds (keyed by its code; never reported), so
    that a cleaner instance holds no per-document state.
    """

    def __init__(self, original: str, path: str | None = None, site: str | None = None, wants=None):
        self.original = original
        self._wants = wants
        self.path = path
        self.site = site  # where it was published, if known (a JSONL record's url host)
        self.notes: dict[str, dict] = {}
        self.working: dict[str, object] = {}

    def wants(self, code: str, rule: str) -> bool:
        """Whether the run applies edits of cleaner ``code`` by ``rule`` (its --select/--ignore).

        A cleaner that settles its own decisions within one round (it decides again on what its
        removals leave) must leave out the removals the run will drop, or it would settle on a
        text the run never produces.
        """
        return self._wants is None or self._wants(code, rule)

    @cached_property
    def layer(self):
        """The shared text layer of the original text (:class:`textfix.text.TextLayer`): its
        script and the language of its prose, decided once for every round and cleaner."""
        from .text import TextLayer

        return TextLayer(self.original)

    @property
    def prose_language(self) -> str | None:
        """The language of the original's running text, from its sentences' function words
        (None when they are too few): often more telling than :attr:`language`, which reads
        the start of the whole page."""
        return self.layer.prose_language

    @cached_property
    def language(self) -> str:
        """ISO 639-1 code of the original text's main language, or ``"unknown"``."""
        from .language import detect_language

        return detect_language(self.original)

    @cached_property
    def apostrophe_style(self) -> str | None:
        """``’`` or ``'``, the apostrophe the original text mostly uses, or None when neither
        dominates (:mod:`textfix.text.quotes`); cleaners that write an apostrophe use it."""
        from .text.quotes import apostrophe_style

        return apostrophe_style(self.original)


@dataclass(frozen=True)
class NoOptions:
    """The options of a cleaner that takes none: any option given to it is an error."""


class Cleaner:
    """A small named step that looks at text and proposes :class:`~textfix.edits.Edit` objects.

    Subclasses set ``code`` (stable, used by ``--select``/``--ignore``), ``summary``, ``stage``
    (lower runs earlier; ties break on ``code``), ``rules`` (rule id -> what it fixes) and
    implement :meth:`find_edits`. ``Options`` declares the cleaner's options as a frozen dataclass
    with typed fields (see :mod:`textfix.options`); options from the command line, the config or
    the API are checked against it and arrive as keyword arguments, kept in ``self.options``.

    :meth:`find_edits` must answer the same for the same text of a document: the pipeline does
    not ask a cleaner again about a text it left unchanged, and keeps its suggestions instead.
    """

    code: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    stage: ClassVar[int] = 50
    safety: ClassVar[str] = SAFE
    rules: ClassVar[dict[str, str]] = {}
    Options: ClassVar[type] = NoOptions

    def __init__(self, **options):
        self.options = options

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        raise NotImplementedError

    def preload(self) -> None:
        """Load data files now rather than on first use.

        Batch runs call it before starting worker processes, so that forked workers share the
        loaded data instead of each loading its own copy.
        """

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code!r}>"
