"""Helpers for the boilerplate cleaner: line features and the listed line patterns.

The cleaner itself lives in :mod:`textfix.cleaners.boilerplate`; this package keeps its pieces
small enough to read and test one by one.
"""
