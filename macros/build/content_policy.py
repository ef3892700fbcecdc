"""MkDocs hook: a Content-Security-Policy in every page, as defence in depth.

Even if editor text ever slipped a script or an outside image into a page, the browser would
refuse to run or fetch it: scripts, styles, images and fonts may come from this site only, and no
inline script runs at all. The theme's own inline scripts are files instead
(overrides/partials/javascripts/), so the policy needs no hashes: a policy that hashed whatever
inline scripts a page held when it was built would also allow one that reached the page during the
build. A page that holds an inline script, an event-handler attribute or a javascript: address
fails the build, naming it, so the mistake is found here and not by a parent whose browser refuses it.
A <meta> policy governs only what comes after it, so it goes straight after <meta charset>.
"""

from __future__ import annotations

import re
from html import unescape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# A start tag and its attributes, as an HTML parser reads them (a value may hold ">" inside quotes).
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'>]+)"""
_START_TAG = re.compile(rf"""<([a-zA-Z][^\s/>]*)((?:[\s/]*[^\s"'>/=]+(?:\s*=\s*{_VALUE})?)*)[\s/]*>""")
_TAG_OPEN = re.compile(r"<[a-zA-Z]")
_LOOSE_CODE = re.compile(r"""^<script|[\s"'/]on[a-z]+\s*=|script:""", re.I)
_ATTRIBUTE = re.compile(rf"""([^\s"'>/=]+)(?:\s*=\s*({_VALUE}))?""")
# Scripts of these types are data the browser never runs: the theme's settings and our JSON-LD.
DATA_TYPES = {"application/json", "application/ld+json"}
_ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc"}
_URL_NOISE = re.compile(r"[\x00-\x20]")  # browsers drop these from an address before reading its scheme
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
META_NAME = 'http-equiv="Content-Security-Policy"'

POLICY = "; ".join([
    "default-src 'none'",
    # The search (Pagefind) runs WebAssembly, which needs 'wasm-unsafe-eval': it lets the page compile
    # WebAssembly from the site's own files, and allows no eval of text and no inline script.
    "script-src 'self' 'wasm-unsafe-eval'",
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


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for name, value in _ATTRIBUTE.findall(text):
        found.setdefault(name.lower(), unescape(value[1:-1] if value[:1] in "\"'" else value))
    return found


def inline_code(html: str) -> list[str]:
    """What in `html` would be inline code the policy refuses, each as a short quote; empty when none."""
    found = []
    for start in _TAG_OPEN.finditer(html):
        tag = _START_TAG.match(html, start.start())
        if not tag:  # not a tag as this site writes them: a browser may still read one, so refuse it
            rest = html[start.start():html.find(">", start.start()) + 1 or None]
            found += [rest[:80]] if _LOOSE_CODE.search(rest) else []
            continue
        name, attributes = tag.group(1).lower(), _attributes(tag.group(2))
        if name == "script" and "src" not in attributes and attributes.get("type", "").strip().lower() not in DATA_TYPES:
            found.append(tag.group(0)[:80])
        if name == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh":
            found.append(tag.group(0)[:80])  # it could send a parent to another site, or run an address
        for attribute, value in attributes.items():
            scheme = _URL_NOISE.sub("", value).lower()
            if attribute.startswith("on") or (attribute in _ADDRESS_ATTRIBUTES
                                              and scheme.startswith(("javascript:", "vbscript:"))):
                found.append(f"{attribute}={value[:60]!r} in <{name}>")
    return found


def with_policy(html: str, name: str) -> str:
    code = inline_code(html)
    if code:
        raise PluginError(f"{name}: this page holds inline code, which the page policy would refuse to run, "
                          f"so nothing was published: {code[0]!r}. Put a script in a file under overrides/assets/, "
                          "and never write a script or an on...= attribute into a page")
    meta = f'<meta {META_NAME} content="{POLICY}">'
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
