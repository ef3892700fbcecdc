"""Editor text as an attacker would write it: whatever goes into any field, the built pages run no
script of it, load nothing from another website, and gain no link or element it did not ask for
in the right way. Text fields are shown as text; Markdown fields get only the allowlist."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from support import ROOT, article_html, build, html_outside_allowlist

from macros.pages.page_kinds import PAGE_KINDS
from macros.pages.safe_html import is_safe_href, markdown_html

SCHEMA = json.loads((ROOT / "authorities" / "authority.schema.json").read_text(encoding="utf-8"))
# Fields whose values the model checks against a strict form (addresses, dates...), and the
# council's own names, which go into page titles and keep to plain characters.
CHECKED_FORMS = {"slug", "role", "coordinator_title", "phone", "email", "web", "url", "local_offer_url",
                 "last_reviewed", "last_updated", "seed", "currency", "file", "published", "provenance",
                 "more_phones", "updated_in"}
COUNCIL_NAMES = {"name", "short_name"}

# What an attacker types into a plain-text field: every one of these must be shown as text.
TEXT_PAYLOAD = ("[SEN team](https://evil.example/t) ![t](https://evil.example/t.png) <img src=x onerror=alert(1)> "
                "{: onerror=alert(1) } {{ 7*191 }} {% if true %}jinja{% endif %} <script>alert(1)</script> "
                "<https://evil.example/auto> &lt;b&gt;")
# The same, short enough for a heading.
SHORT_TEXT_PAYLOAD = "[SEN team](https://evil.example/t) <img src=x onerror=alert(1)> {{ 7*191 }} {% if true %}jinja{% endif %} <script>alert(1)</script>"
# What an attacker types into a Markdown field: links are allowed there, so every link here is one
# the allowlist must refuse.
MARKDOWN_PAYLOAD = ("![t](https://evil.example/m.png) <img src=x onerror=alert(1)> [js](javascript:alert(1)) "
                    "[data](data:text/html,x) [proto](//evil.example/p) [slash](/\\evil.example/s) "
                    "[http](http://evil.example/h) [user](https://council.gov.uk@evil.example/u) "
                    "{: onerror=alert(1) } {{ 7*191 }} <script>alert(1)</script> <iframe src=//evil.example>")


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _branches(schema: dict) -> list[dict]:
    """Every form a value may take, through nested anyOf and oneOf (a statement is text or {text, council_says})."""
    schema = _resolve(schema)
    options = schema.get("anyOf", []) or schema.get("oneOf", [])
    return [branch for option in options for branch in _branches(option)] or [schema]


def is_markdown(schema: dict) -> bool:
    return any(s.get("contentMediaType") == "text/markdown" for s in _branches(schema))


def poisoned(data, schema: dict, counts: dict, top: bool = True):
    """`data` with the payload added to every free-text value, by the field's kind."""
    if isinstance(data, dict):
        props = next((s["properties"] for s in _branches(schema) if "properties" in s), {})
        keep = CHECKED_FORMS | (COUNCIL_NAMES if top else set())
        return {k: v if k in keep else poisoned(v, props.get(k, {}), counts, False) for k, v in data.items()}
    if isinstance(data, list):
        items = next((s["items"] for s in _branches(schema) if "items" in s), {})
        return [poisoned(v, items, counts, False) for v in data]
    if isinstance(data, str) and any("enum" in b or "const" in b for b in _branches(schema)):
        return data  # one of a fixed set of words, such as must or should
    if isinstance(data, str):
        kind = "markdown" if is_markdown(schema) else "text"
        counts[kind] += 1
        payload = MARKDOWN_PAYLOAD if kind == "markdown" else TEXT_PAYLOAD
        limit = min((b["maxLength"] for b in _branches(schema) if "maxLength" in b), default=None)
        if limit and len(f"{data} {payload}") > limit:  # a heading: the model keeps it short
            payload = SHORT_TEXT_PAYLOAD
            data = data[:max(1, limit - len(payload) - 1)]
        return f"{data} {payload}"
    return data


def unquoted(data):
    """`data` with every statement as plain text: the attack is on what pages show, and the
    council's words (checked against its source pages) would refuse any text changed."""
    if isinstance(data, dict):
        if set(data) == {"text", "council_says"}:
            return data["text"]
        return {k: unquoted(v) for k, v in data.items() if k != "council_says"} | (
            {"provenance": "optional"} if "slug" in data else {})
    if isinstance(data, list):
        return [unquoted(v) for v in data]
    return data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, dict]:
    import shutil

    folder = tmp_path_factory.mktemp("authorities")
    shutil.copytree(ROOT / "authorities" / "sources", folder / "sources")  # the pages the sources name
    counts = {"markdown": 0, "text": 0}
    for path in sorted((ROOT / "authorities").glob("*.yaml")):
        data = poisoned(unquoted(yaml.safe_load(path.read_text(encoding="utf-8"))), SCHEMA, counts)
        (folder / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    result = build(site, LOCAL_OFFER_AUTHORITIES_DIR=str(folder))
    assert result.returncode == 0, result.stderr
    return site, counts


def council_pages(site: Path) -> list[Path]:
    return [site / kind.url(path.stem) / "index.html"
            for path in sorted((ROOT / "authorities").glob("*.yaml")) for kind in PAGE_KINDS]


def test_every_free_text_field_was_attacked(hostile_site):
    site, counts = hostile_site
    # Most council pages show editor text; every one that does shows the template braces, not their product.
    shown = [page for page in council_pages(site) if "jinja{% endif %}" in unescape(page.read_text(encoding="utf-8"))]
    assert len(shown) >= len(council_pages(site)) // 2
    assert counts["markdown"] >= 30 and counts["text"] >= 100, counts


def test_no_page_gains_an_element_attribute_or_address_from_editor_text(hostile_site):
    site, _ = hostile_site
    pages = council_pages(site)
    assert len(pages) == len(list((ROOT / "authorities").glob("*.yaml"))) * len(PAGE_KINDS)
    for page in pages + [site / "index.html"]:
        html = page.read_text(encoding="utf-8")
        content = article_html(html)
        assert html_outside_allowlist(content) == [], page
        hosts = {urlsplit(unescape(url)).hostname for url in re.findall(r'(?:href|src)="([^"]*)"', html)}
        assert not {host for host in hosts if host and "evil.example" in host}, page
        assert "<script>alert" not in html and "onerror=" not in content.replace("onerror=alert(1)", "")
        # Jinja in editor text is never run: the braces are shown, the product is not.
        assert "1337" not in html, page
        shown = unescape(content)
        assert "jinja" not in shown or "jinja{% endif %}" in shown, page


def test_text_fields_are_shown_exactly_as_typed(hostile_site):
    site, _ = hostile_site
    text = unescape((site / "trafford" / "index.html").read_text(encoding="utf-8"))
    # The summary is Markdown, the list items are plain text: the payload shows up word for word.
    assert TEXT_PAYLOAD.replace("&lt;b&gt;", "<b>") in text or TEXT_PAYLOAD in text
    contacts = unescape((site / "stockton-on-tees" / "contacts" / "index.html").read_text(encoding="utf-8"))
    assert "[SEN team](https://evil.example/t)" in contacts


def test_a_contact_name_in_the_not_published_notice_stays_text(hostile_site):
    site, _ = hostile_site
    html = (site / "stockton-on-tees" / "ehc-needs-assessment" / "index.html").read_text(encoding="utf-8")
    notice = html.split('class="lo-notice', 1)[1].split("</div>\n</div>", 1)[0]
    assert "[SEN team](https://evil.example/t)" in unescape(notice)
    links = re.findall(r'<a\b[^>]*href="([^"]*)"', notice)
    assert links and all(re.fullmatch(r"(\.\./)+(glossary/#[a-z0-9-]+|stockton-on-tees/contacts/)", href)
                         for href in links), links


@pytest.mark.parametrize("markdown, must_not_contain", [
    ("![t](https://evil.example/p.png)", "<img"),
    ("[x](javascript:alert(1))", 'href="javascript'),
    ("[x](//evil.example/x)", 'href="//'),
    ("[x](/\\evil.example/x)", 'href="/\\'),
    ("[x](https://council.gov.uk@evil.example/)", "evil.example/\""),
    ("[x](mailto:sen@council.gov.uk?cc=attacker@evil.example)", "cc="),
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ("# Heading", "<h1"),
    ("Text {: onerror=alert(1) }", "onerror=\""),
])
def test_editor_markdown_keeps_to_the_allowlist(markdown, must_not_contain):
    html = str(markdown_html(markdown))
    assert must_not_contain not in html
    assert html_outside_allowlist(html) == []


def test_editor_markdown_keeps_the_links_parents_need():
    html = str(markdown_html("[Phone](tel:+441642527158), [email](mailto:sen@council.gov.uk), "
                             "[site](https://www.council.gov.uk/send), [glossary](../../glossary/)"))
    for href in ("tel:+441642527158", "mailto:sen@council.gov.uk", "https://www.council.gov.uk/send", "../../glossary/"):
        assert f'href="{href}"' in html


@pytest.mark.parametrize("url, safe", [
    ("https://www.trafford.gov.uk/", True), ("../contacts/", True), ("#steps", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("//evil.example/", False), ("/\\evil.example/", False), ("data:text/html,x", False),
    ("https://www.trafford.gov.uk@evil.example/", False), ("vbscript:x", False), ("http://x.example/", False),
])
def test_which_addresses_a_page_may_link_to(url, safe):
    assert is_safe_href(url) is safe


def test_no_page_template_writes_editor_text_into_markdown():
    # The design rule kept by the code's shape: council pages are HTML templates, and the
    # generated Markdown for them holds front matter only.
    from macros.build.hooks import page_source
    from macros.data.loader import load_authorities

    assert not list((ROOT / "macros" / "pages" / "council").glob("*.md"))
    authorities, _ = load_authorities(ROOT / "authorities")
    for authority in authorities:
        for kind in PAGE_KINDS:
            source = page_source(kind, authority)
            assert source.startswith("---\n") and source.endswith("---\n"), source
            assert source.count("---\n") == 2


def test_every_page_carries_one_policy_that_allows_no_inline_script(built_site):
    from macros.build.content_policy import inline_code

    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(policies) == 1, page
        head = html.split("<head>", 1)[1]
        assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head), page
        rules = dict(rule.strip().split(" ", 1) for rule in policies[0].split(";"))
        assert rules["default-src"] == "'none'" and rules["style-src"] == "'self'"
        assert rules["img-src"] == "'self' data:" and rules["font-src"] == "'self'"
        # No hashes: a hash of whatever was in the page at build time would allow a script that got in then.
        # 'wasm-unsafe-eval' lets the search compile its WebAssembly; no other 'unsafe' source is allowed.
        assert rules["script-src"] == "'self' 'wasm-unsafe-eval'" and "sha256" not in policies[0]
        assert "unsafe" not in policies[0].replace("'wasm-unsafe-eval'", "")
        assert inline_code(html) == [], page
        assert '<meta name="referrer" content="same-origin">' in head.split("</head>", 1)[0], page
