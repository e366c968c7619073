"""Errors that reach the user as one line on stderr (exit 2), never as a traceback."""


class TextfixError(Exception):
    """A problem with the user's input, output, options or plugins, with a one-line message."""


class NotConverged(TextfixError):
    """The pipeline still changed the text in its last round: a second run would change it again.

    ``cleaners`` are the codes of the cleaners that changed the text in that round (the first
    is ``cleaner``); ``rounds`` is how many rounds ran.

    >>> str(NotConverged(("boilerplate",), 6, "page.txt"))
    'page.txt: no fixpoint after 6 rounds: boilerplate kept changing the text'
    """

    def __init__(self, cleaners: tuple[str, ...], rounds: int, path: str | None = None):
        self.cleaners = tuple(cleaners)
        self.cleaner = self.cleaners[0] if self.cleaners else ""
        self.rounds = rounds
        self.path = path
        where = f"{path}: " if path else ""
        super().__init__(
            f"{where}no fixpoint after {rounds} rounds: {', '.join(self.cleaners)} kept changing the text"
        )


class OptionError(TextfixError, ValueError):
    """An unknown cleaner, rule or option, or an option of the wrong type or out of range; the
    message names the file, flag or argument it came from."""
