"""Headless Chromium under selenium for the review page's tests and its benchmark.

Not part of the package: only the tests and ``benchmarks/review_page.py`` drive a browser.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager


class NoBrowser(Exception):
    """Headless Chromium cannot be started here; the message says what is missing."""


@contextmanager
def headless_chromium():
    """A selenium WebDriver on a headless Chromium, for the page's tests and benchmark.

    Raises :class:`NoBrowser` saying what is missing: Chromium, chromedriver or selenium.
    """
    binary = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        raise NoBrowser("needs Chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise NoBrowser("needs selenium (pip install -e '.[test]')") from None
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="textfix-chromium-")
    # Without network, Chromium otherwise waits on connections it cannot make.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
