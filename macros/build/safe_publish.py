"""MkDocs hook: a failed build publishes nothing and destroys nothing.

`mkdocs build` normally empties the site folder first, so a build that fails part-way leaves it
empty or half-written. Here the build writes into a new folder beside it instead, and only a
build that finished, passed strict mode and passed the checks below is moved into place, in one
rename. Anything that deploys uses only that folder. `mkdocs serve` builds into its own
temporary folder and is left alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.build.content_policy import META_NAME  # noqa: E402  (hooks run with the project on sys.path)

_build: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    _build.clear()
    _build.update(command=command, dirty=dirty)


@event_priority(-100)  # after every other on_config, so nothing can point site_dir elsewhere later
def on_config(config):
    if _build.get("command") != "build" or _build.get("dirty"):
        return config
    target = Path(config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    partial.chmod(0o755)  # mkdtemp's folder is private; a web server must be able to read the site
    _build.update(target=target, partial=partial, finished=False)
    config.site_dir = str(partial)
    return config


@event_priority(-100)  # after the search plugin has written its index into the new folder
def on_post_build(config) -> None:
    partial = _build.get("partial")
    if not partial:
        return
    if not (partial / "index.html").is_file():
        raise PluginError("the new site has no index.html: nothing was published")
    unprotected = [str(page.relative_to(partial)) for page in partial.rglob("*.html")
                   if META_NAME not in page.read_text(encoding="utf-8")]
    if unprotected:
        raise PluginError(f"pages without a Content-Security-Policy, so nothing was published: {unprotected[:5]}")
    _build["finished"] = True


def on_build_error(error) -> None:
    # Strict mode's "Aborted with N warnings" also arrives here, after on_post_build.
    _build["finished"] = False


def on_shutdown() -> None:
    partial, target = _build.get("partial"), _build.get("target")
    if not partial:
        return
    if not _build.get("finished"):
        shutil.rmtree(partial, ignore_errors=True)
        return
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / target.name)
        os.replace(partial, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(partial, target)
