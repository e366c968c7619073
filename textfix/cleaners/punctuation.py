"""Placeholder while the core lands."""
from ..cleaner import Cleaner


class PunctuationCleaner(Cleaner):
    code = "punctuation"
    summary = "todo"

    def find_edits(self, text, doc):
        return []
