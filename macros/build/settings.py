"""The build's settings, from the environment or mkdocs.yml, each checked before anything is built.

A setting in the environment is read as the text it is: MkDocs' `!ENV` tag would read
`LOCAL_OFFER_AUTHORITY=2024` as a number and `no` as false. Each wrong setting gets one message
naming it and what it expects, and the build stops before any page is made. The checked values
are written back into the config, so the hooks read only clean values.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..data.problems import Problem
from ..data.safe_text import for_log

# The published address: https with a host name, or this machine for local use, then a path of
# plain characters. Nothing that could close an attribute or start another scheme.
_SITE_URL = re.compile(
    r"(?:https://(?=[^/]{1,253}(?:/|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
    r"|http://(?:127\.0\.0\.1|localhost))(?::[0-9]{1,5})?(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*", re.I | re.A)


@dataclass(frozen=True)
class Setting:
    key: str  # its place in mkdocs.yml
    env: str  # the environment variable that overrides it
    expects: str

    @property
    def label(self) -> str:
        return f"{self.key} ({self.env})"


SITE_URL = Setting("site_url", "SITE_URL", "the site's published address: https:// and a host name, then an "
                   "optional path, such as https://council.github.io/local-offer/ (or http://127.0.0.1:8000/ "
                   "to try it on this computer)")
AUTHORITY = Setting("extra.local_offer.authority", "LOCAL_OFFER_AUTHORITY", "the file name of one council without "
                    ".yaml, such as trafford, or nothing for a site with every council")
AUTHORITIES_DIR = Setting("extra.local_offer.authorities_dir", "LOCAL_OFFER_AUTHORITIES_DIR",
                          "the folder that holds the authority files, such as authorities")


def _line_of(config_file: Path, key: str) -> int:
    name = key.rsplit(".", 1)[-1] + ":"
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.strip().startswith(name)), 1)


class _Reader:
    def __init__(self, config) -> None:
        self.config = config
        self.config_file = Path(config.config_file_path)
        self.problems: list[Problem] = []

    def text(self, setting: Setting, from_file) -> str:
        if setting.env in os.environ:
            return os.environ[setting.env].strip()
        if isinstance(from_file, bool) or not isinstance(from_file, (str, int, type(None))):
            self.refuse(setting, from_file, "put the value in quotes in mkdocs.yml")
            return ""
        return "" if from_file is None else str(from_file).strip()

    def refuse(self, setting: Setting, got, hint: str = "") -> None:
        shown = for_log(repr(got) if not isinstance(got, str) else f'"{got}"', 80)
        self.problems.append(Problem(self.config_file.name, _line_of(self.config_file, setting.key), 1,
                                     setting.label, f"must be {setting.expects}, got {shown}", hint))


def apply(config) -> list[Problem]:
    """Check every setting and write the checked values into `config`; the problems, if any."""
    reader = _Reader(config)
    options = config["extra"].setdefault("local_offer", {}) or {}
    config["extra"]["local_offer"] = options

    site_url = reader.text(SITE_URL, config.site_url)
    if site_url and not _SITE_URL.fullmatch(site_url):
        reader.refuse(SITE_URL, site_url)
    elif site_url:
        config.site_url = site_url if site_url.endswith("/") else site_url + "/"

    # Only ever compared with the councils' slugs: site_data says when none matches, and suggests one.
    options["authority"] = reader.text(AUTHORITY, options.get("authority"))

    directory = reader.text(AUTHORITIES_DIR, options.get("authorities_dir")) or "authorities"
    if not (reader.config_file.parent / directory).is_dir():
        reader.refuse(AUTHORITIES_DIR, directory, "no such folder: check the name, from the folder mkdocs.yml is in")
    options["authorities_dir"] = directory
    return reader.problems
