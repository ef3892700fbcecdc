"""Shared test helpers: a minimal valid authority, and building the real site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MINIMAL_AUTHORITY = """\
# yaml-language-server: $schema=./authority.schema.json
name: Example Borough Council
short_name: Example
slug: example
last_reviewed: 2026-01-15
sen_support:
  summary: Schools in Example give extra help to children who need it.
funding:
  elements:
    - name: Element 2
      amount: 6000
      amount_is_up_to: true
contacts:
  - role: sendiass
    name: Example SENDIASS
    phone: "01234 567890"
    email: sendiass@example.gov.uk
sources:
  - title: SEN support in Example
"""


def build(site_dir: Path, **env_overrides: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as an editor or CI would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_overrides}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The full site from the real authorities/, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site
