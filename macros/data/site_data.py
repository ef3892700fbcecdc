"""The authorities one build publishes, loaded once and shared by the hooks and the macros."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .loader import Problem, load_authorities
from .model import Authority
from .reserved_slugs import reserved_slugs


@dataclass
class SiteData:
    authorities: list[Authority] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors: any one stops the build
    warnings: list[Problem] = field(default_factory=list)
    only: str = ""  # a slug when this build is one council's own site

    @property
    def by_slug(self) -> dict[str, Authority]:
        return {a.slug: a for a in self.authorities}


def load_site_data(config_dir: Path, extra: dict) -> SiteData:
    # The options were checked by settings.apply (macros/build/settings.py).
    options = extra.get("local_offer", {}) or {}
    directory = config_dir / (options.get("authorities_dir") or "authorities")
    authorities, found = load_authorities(directory, root=config_dir, reserved=reserved_slugs(config_dir))
    problems = [p for p in found if p.is_error]
    warnings = [p for p in found if not p.is_error]
    only = options.get("authority") or ""
    if only and not problems:
        chosen = [a for a in authorities if a.slug == only]
        if not chosen:
            slugs = [a.slug for a in authorities]
            near = difflib.get_close_matches(only.lower(), slugs, n=1)
            where = directory.relative_to(config_dir) if directory.is_relative_to(config_dir) else directory
            problems.append(Problem(
                "mkdocs.yml", 1, 1, "extra.local_offer.authority (LOCAL_OFFER_AUTHORITY)",
                f'no authority file is called "{only}.yaml" in {where}/',
                (f'did you mean "{near[0]}"? ' if near else "") + f"choose one of: {', '.join(slugs)}"))
        authorities = chosen
    return SiteData(authorities, problems, warnings, only)


# Set by the hooks' on_config at the start of each build; read by the page renderers.
CURRENT = SiteData()
