"""Language identification, seeded so that the same text always gets the same answer."""

from __future__ import annotations

from functools import lru_cache

# langdetect is probabilistic and slow to load its profiles: import lazily, seed once.
_SAMPLE = 20_000


@lru_cache(maxsize=1)
def _factory():
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s main language, or ``"unknown"``.

    >>> detect_language("The study was small and the results need to be replicated.")
    'en'
    """
    sample = text[:_SAMPLE]
    if sum(ch.isalpha() for ch in sample[:2000]) < 20:
        return "unknown"
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        lang = detector.detect()
    except LangDetectException:
        return "unknown"
    # langdetect names Chinese variants zh-cn / zh-tw; keep the ISO 639-1 part.
    return lang.split("-")[0]
