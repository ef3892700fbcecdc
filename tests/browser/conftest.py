"""Real Chromium (Debian's) driven by Playwright against the built site served on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(folder: Path):
    """`folder` served over HTTP on 127.0.0.1, as a base URL ending in /."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def base_url(built_site):
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's Chromium is not installed: scripts/test.sh installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh tab that fails the test if any request leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if urlparse(r.url).scheme in ("http", "https", "ws", "wss") and urlparse(r.url).hostname != "127.0.0.1"
            else None)
    page.base = base_url
    yield page
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"



def search_result_links(page, words: str) -> list[str]:
    """Search from the open page as a parent would: press "/", type, wait for the results of what
    was typed; the path of each result's page link, best first."""
    page.keyboard.press("/")
    box = page.locator("#lo-search-input")
    box.fill("")
    box.press_sequentially(words, delay=20)
    page.wait_for_function("q => document.getElementById('lo-search-results').getAttribute('data-answered') === q",
                           arg=words, timeout=10_000)
    return page.locator("#lo-search-results > li > a.lo-search-result__page").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
