"""Editor Markdown to HTML that is safe to publish: markdown-it-py, then an allowlist.

This is the only way editor Markdown becomes HTML. markdown-it-py runs with raw HTML off, and its
output then passes nh3 (the Ammonia sanitizer), which keeps only the tags and attributes below:
no images, scripts, styles, frames or forms, so editor text cannot run script on a page or make
a parent's browser fetch anything from another website. Links keep only https, mailto, tel and
same-site addresses.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}
# Headings above h3 would compete with the page's own structure; nh3 keeps their text.
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"https", "mailto", "tel"}

# A same-site path: relative or from the root, never "//host" or "/\host", which browsers read
# as another website, and never a scheme of its own.
_SAME_SITE = re.compile(r"^(?![/\\]{2})(?!/\\)[A-Za-z0-9._~/#?=&%+-]*$")
_MAILTO = re.compile(r"^mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_TEL = re.compile(r"^tel:\+?[0-9()-]{6,20}$")
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+(:\d+)?([/?#][^\s\\]*)?$")

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def _image_as_text(renderer, tokens, index, options, env) -> str:
    # An editor's image would be fetched from wherever it points: show its description instead.
    return escapeHtml(tokens[index].content)


def _heading_below_page_headings(renderer, tokens, index, options, env) -> str:
    # The page owns h1 and h2; an editor's "# Heading" becomes an h3 inside its section.
    token = tokens[index]
    token.tag = f"h{max(3, int(token.tag[1]))}"
    return renderer.renderToken(tokens, index, options, env)


_markdown.add_render_rule("image", _image_as_text)
_markdown.add_render_rule("heading_open", _heading_below_page_headings)
_markdown.add_render_rule("heading_close", _heading_below_page_headings)


def is_safe_href(url: str) -> bool:
    """True for https, a plain mailto or tel address, or a same-site path."""
    text = str(url or "")
    if not text or any(ord(ch) < 0x21 or ch == "\x7f" for ch in text):
        return False
    if ":" in text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return bool(_HTTPS.match(text) and "@" not in text.split("/", 3)[2]
                    or _MAILTO.match(text) or _TEL.match(text))
    return bool(_SAME_SITE.match(text))


def web_href(url) -> str:
    """`url` if it may be a link to a web page (https, or http for councils' older sites); else ''."""
    text = str(url or "")
    as_https = "https://" + text[len("http://"):] if text.lower().startswith("http://") else text
    return text if as_https.lower().startswith("https://") and is_safe_href(as_https) else ""


def mailto_href(email) -> str:
    """'mailto:' and a plain address, or '' when the text is not a plain address."""
    href = f"mailto:{email or ''}"
    return href if _MAILTO.match(href) else ""


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return value if is_safe_href(value) else None
    if attribute == "start":
        return value if value.isdigit() and len(value) < 6 else None
    return value


def sanitize(html: str) -> Markup:
    """HTML reduced to the allowlist; anything else is dropped or kept as text."""
    return Markup(nh3.clean(str(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                            attribute_filter=_keep_attribute, link_rel="noopener noreferrer", strip_comments=True))


def markdown_html(text) -> Markup:
    """An editor's Markdown field as HTML: markdown-it-py (raw HTML shown as text), then the allowlist."""
    return sanitize(_markdown.render(str(text or "")))
