"""How far Zensical (Material's successor) gets with this site, and what is missing.

    .venv/bin/python scripts/zensical_check.py

Installs Zensical and this project's pinned packages into .venv-zensical/ (once), builds the site
from the same mkdocs.yml with `zensical build`, and reports: whether it built (and the error if
not), pages missing compared with the MkDocs build, Jinja left unrendered, where the search index
went, and a few of the checks the tests make. MkDocs stays the default until Zensical passes the
tests; the last findings are kept in benchmarks/zensical.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-zensical"
ZENSICAL = "zensical==0.0.73"  # 0.1.x needs zensical-ui, which the registry here does not have


def ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", ZENSICAL,
                        "-r", str(ROOT / "requirements.txt")], check=True)
    return VENV / "bin" / "zensical"


def zensical_config(folder: Path, quote_dates: bool) -> Path:
    """mkdocs.yml as Zensical can read it: !ENV tags resolved to their defaults (it stops at them),
    and with `quote_dates`, dates under extra written as text (it stops at those too)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r'!ENV \[(\w+), ("[^"]*"|[^\]]*)\]', lambda m: m.group(2) or '""', text)
    if quote_dates:
        text = re.sub(r": (20\d\d-\d\d-\d\d)$", r': "\1"', text, flags=re.M)
    config = ROOT / f".zensical-{folder.name}.yml"  # beside mkdocs.yml, so relative paths still hold
    config.write_text(text.replace("docs_dir: content", f"docs_dir: content\nsite_dir: .zensical-{folder.name}-site"),
                      encoding="utf-8")
    return config


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def report(reference: Path, built: Path) -> None:
    missing = sorted(pages(reference) - pages(built))
    print(f"pages: {len(pages(built))} built, {len(pages(reference))} with MkDocs, {len(missing)} missing")
    for page in missing[:20]:
        print(f"  missing: {page}")
    unrendered = [p for p in pages(built) if re.search(r"\{\{|\{%", (built / p).read_text(encoding="utf-8"))]
    print(f"pages with Jinja left unrendered: {len(unrendered)} {unrendered[:5]}")
    for index in ("search/search_index.json", "search.json"):
        print(f"search index {index}: {'present' if (built / index).exists() else 'absent'}")
    checks = {"Trafford's funding page shows £6,000": "£6,000" in _read(built / "trafford/funding/index.html"),
              "every page has the Content-Security-Policy": all(
                  "Content-Security-Policy" in (built / p).read_text(encoding="utf-8") for p in pages(built)),
              "open data written": (built / "data" / "authorities.json").exists()}
    for name, passed in checks.items():
        print(f"check: {name}: {'yes' if passed else 'NO'}")


def main() -> int:
    zensical = ensure_venv()
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        reference = work_dir / "mkdocs-site"
        subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "--site-dir", str(reference)],
                       cwd=ROOT, check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        built = ROOT / f".zensical-{work_dir.name}-site"  # Zensical writes only inside the project
        for quote_dates in (False, True):
            config = zensical_config(work_dir, quote_dates)
            try:
                result = subprocess.run([str(zensical), "build", "-f", str(config)], cwd=ROOT, capture_output=True,
                                        text=True, timeout=600)
            finally:
                config.unlink(missing_ok=True)
            attempt = "with dates in extra written as text" if quote_dates else "from mkdocs.yml, !ENV resolved"
            print(f"zensical {ZENSICAL.split('==')[1]}, {attempt}: exit {result.returncode}")
            if result.returncode == 0:
                break
            errors = [line for line in (result.stdout + result.stderr).splitlines() if "Error" in line]
            print("  it stopped with:", errors[-1] if errors else (result.stderr or result.stdout)[-500:])
        if not built.is_dir():
            print("No site was written.")
            return 1
        report(reference, built)
    shutil.rmtree(built, ignore_errors=True)
    return 0


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    sys.exit(main())
