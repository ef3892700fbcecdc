"""Helpers shared by the tests: a minimal valid authority, building the real site, listing its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "test-artifacts"

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


def all_pages(site: Path) -> list[str]:
    """Every HTML page a parent can reach, as URL paths relative to the site root."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))
