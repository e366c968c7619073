"""Errors that reach the user as one line on stderr (exit 2), never as a traceback."""


class TextfixError(Exception):
    """A problem with the user's input, output, options or plugins, with a one-line message."""
