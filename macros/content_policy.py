"""MkDocs hook: a Content-Security-Policy in every page, as defence in depth.

Even if editor text ever slipped a script or an outside image into a page, the browser would
refuse to run or fetch it: scripts, styles, images and fonts may come from this site only, and
the theme's own inline scripts are allowed by their hashes, worked out for each page as it is
written. A <meta> policy governs only what comes after it, so it goes straight after <meta charset>.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
META_NAME = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(html: str) -> list[str]:
    """A CSP source for each inline script the browser would run ('sha256-…'), in page order.
    Scripts of other types, such as the theme's JSON settings, are data and are never run."""
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.I) or (kind and kind.group(1).lower() not in _JAVASCRIPT_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def policy(html: str) -> str:
    return "; ".join([
        "default-src 'none'",
        " ".join(["script-src 'self'", *inline_script_hashes(html)]),
        # The search runs in a web worker loaded from the site's own files.
        "worker-src 'self'",
        "style-src 'self'",
        # data: for the icons the theme draws as SVG inside its stylesheet; nothing from elsewhere.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str, name: str) -> str:
    meta = f'<meta {META_NAME} content="{policy(html)}">'
    result, found = _CHARSET.subn(lambda match: match.group(0) + "\n      " + meta, html, count=1)
    if not found:
        raise PluginError(f"{name}: no <meta charset> to put the Content-Security-Policy after")
    return result


@event_priority(-100)  # last, once every other hook and plugin has finished the page
def on_post_page(output: str, page, config) -> str:
    return with_policy(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config) -> str:
    # The theme's own pages, such as 404.html; sitemap.xml is not a web page.
    return with_policy(output_content, template_name) if template_name.endswith(".html") else output_content
