"""Fixtures shared by every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The full site from the real authorities/, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site

