"""Spun-wording repair: find text that an article spinner or a paper mill rewrote with
thesaurus synonyms, and restore the usual wording.

The cleaner entry point is :mod:`textfix.cleaners.spin`; the pieces live here:

* :mod:`.text` — tokens, sentence starts, title lines, capitalization carry-over;
* :mod:`.phrases` — the spun → original phrase table (loading, matching, validation);
* :mod:`.stats` — the shipped word-pair counts and reverse thesaurus (loaded lazily);
* :mod:`.collocations` — repairs no table lists, chosen by collocation evidence;
* :mod:`.consistency` — a key term replaced throughout, restored from its word family;
* :mod:`.detect` — how spun a document looks;
* :mod:`.repair` — everything above put together into scored repairs.
"""
