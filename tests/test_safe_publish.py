"""A failed build publishes nothing and destroys nothing: the site folder is replaced only by a
build that finished and passed its checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from support import MINIMAL_AUTHORITY, ROOT, build, build_one


def old_site(folder: Path) -> Path:
    site = folder / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    (site / "marker.txt").write_text("left alone", encoding="utf-8")
    return site


def untouched(site: Path) -> bool:
    return ((site / "index.html").read_text(encoding="utf-8") == "the site as it was"
            and (site / "marker.txt").read_text(encoding="utf-8") == "left alone")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name or ".old-" in p.name)


def test_a_good_build_replaces_the_site_whole_and_leaves_nothing_behind(tmp_path):
    site = old_site(tmp_path)
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "Content-Security-Policy" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "trafford" / "funding" / "index.html").is_file()
    assert not (site / "marker.txt").exists()
    assert leftovers(tmp_path) == []


def test_bad_data_leaves_the_old_site_as_it_was(tmp_path):
    site = old_site(tmp_path)
    result, _ = build_one(tmp_path, MINIMAL_AUTHORITY.replace("amount: 6000", "amount: lots"), site)
    assert result.returncode != 0 and "nothing was published" in result.stderr
    assert untouched(site) and leftovers(tmp_path) == []


def config_with_extra_hook(tmp_path: Path, hook_source: str) -> Path:
    """mkdocs.yml plus one hook, with every path made absolute so the copy can live elsewhere."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    hook = tmp_path / "failing_hook.py"
    hook.write_text(hook_source, encoding="utf-8")
    extra = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / "content"),
        "theme": {**config["theme"], "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / h) for h in config["hooks"]] + [str(hook)],
        "plugins": [{name: {**options, "module_name": str(ROOT / options["module_name"])}}
                    if name == "macros" else {name: options}
                    for plugin in config["plugins"] for name, options in
                    ((plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items())),)],
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(extra), encoding="utf-8")
    return path


def build_with(config: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LOCAL_OFFER_AUTHORITIES_DIR": str(ROOT / "authorities")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "--site-dir", str(site), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_a_build_that_fails_part_way_leaves_the_old_site_as_it_was(tmp_path):
    site = old_site(tmp_path)
    config = config_with_extra_hook(tmp_path, (
        "def on_post_page(output, page, config):\n"
        "    if page.file.src_uri == 'trafford/funding.md':\n"
        "        raise RuntimeError('broke part-way')\n"
        "    return output\n"))
    result = build_with(config, site, "--strict")
    assert result.returncode != 0 and "broke part-way" in result.stderr
    assert untouched(site) and leftovers(tmp_path) == []


def test_a_strict_mode_warning_publishes_nothing(tmp_path):
    site = old_site(tmp_path)
    config = config_with_extra_hook(tmp_path, (
        "import logging\n"
        "def on_post_build(config):\n"
        "    logging.getLogger('mkdocs.test').warning('a warning strict mode must not let through')\n"))
    result = build_with(config, site, "--strict")
    assert result.returncode != 0 and "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert untouched(site) and leftovers(tmp_path) == []
