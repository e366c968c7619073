"""Cases from other projects' test suites (and their negatives), run through textfix's cleaners.

Each file ``tests/cases/peer_*.json`` holds cases with the cleaner they are for and a ``source``
naming the suite and its licence; ``benchmarks/peer_suites.py`` runs the whole suites.
"""

import json
from pathlib import Path

import pytest

CASE_FILES = sorted((Path(__file__).parent / "cases").glob("peer_*.json"))
CASES = [case for path in CASE_FILES for case in json.loads(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("peer_case", CASES, ids=[c["note"] for c in CASES])
def test_peer_case(peer_case, check_case):
    assert peer_case["source"], "every case names its source and licence"
    check_case(peer_case, peer_case["cleaner"])
