"""MkDocs hook: every published fact, re-usable by others.

- `data/<slug>.json` and `data/authorities.json`: each council's validated data exactly as the
  pages show it, naming the published JSON Schema (`data/authority.schema.json`).
- `data/open-referral/<slug>.json`: each council's services and contacts in the Open Referral UK
  shape (the mapping is in the README).
- JSON-LD in pages: a BreadcrumbList on every page, FAQPage on FAQ pages, and a
  GovernmentOrganization with its ContactPoints on contacts pages.
- `robots.txt` pointing at the sitemap, and each council page's sitemap date is its last review.
"""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from pathlib import Path

from mkdocs.plugins import event_priority

from macros.data import site_data
from macros.pages.compare import FACTS, cells
from macros.pages.page_kinds import BY_KEY
from macros.pages.safe_html import markdown_html
from macros.data.schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_NAME = "authority.schema.json"
ROLE_NAMES = {"sendiass": "SEND Information, Advice and Support Service", "sen_team": "SEN team",
              "parent_carer_forum": "Parent carer forum", "local_offer_team": "Local Offer team", "other": "Other"}


def authority_document(authority) -> dict:
    return {"$schema": SCHEMA_NAME, **authority.model_dump(mode="json", exclude_none=True)}


def open_referral(authority) -> dict:
    """The council and its contacts as an Open Referral UK organization with services."""
    services = []
    for index, contact in enumerate(authority.contacts, start=1):
        service = {"id": f"{authority.slug}-service-{index}", "name": contact.name,
                   "description": contact.description or ROLE_NAMES[contact.role], "status": "active"}
        if contact.web:
            service["url"] = str(contact.web)
        if contact.email:
            service["email"] = contact.email
        if contact.phone or contact.email:
            service["contacts"] = [{"id": f"{authority.slug}-contact-{index}", "name": contact.name,
                                    **({"email": contact.email} if contact.email else {}),
                                    "phones": [{"id": f"{authority.slug}-phone-{index}", "number": contact.phone}]
                                    if contact.phone else []}]
        if contact.address:
            service["service_at_locations"] = [{"id": f"{authority.slug}-location-{index}", "location": {
                "id": f"{authority.slug}-place-{index}", "name": contact.name,
                "physical_addresses": [{"id": f"{authority.slug}-address-{index}",
                                        "address_1": ", ".join(contact.address)}]}}]
        services.append(service)
    organization = {"id": authority.slug, "name": authority.name,
                    "description": f"{authority.name}'s Local Offer for SEN support", "services": services}
    if authority.local_offer_url:
        organization["url"] = str(authority.local_offer_url)
    return organization


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def spreadsheet_text(text: str) -> str:
    """`text` as a cell no spreadsheet will run: a leading quote makes a formula-like cell plain text.
    Checked after the spaces a spreadsheet may trim, and in NFKC form, so a full-width ＝ counts."""
    start = unicodedata.normalize("NFKC", text).lstrip()
    return "'" + text if start.startswith(_FORMULA_START) or text[:1] in _FORMULA_START else text


def write_compare_csv(path: Path, authorities) -> None:
    """The compare page's table, a row per council, for spreadsheets."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL)
        rows = [["Council", *(fact.label for fact in FACTS)]]
        rows += [[authority.name, *(cell.text for cell in cells(authority))] for authority in authorities]
        writer.writerows([[spreadsheet_text(cell) for cell in row] for row in rows])


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@event_priority(-50)  # after the search plugin's files, before safe_publish checks the new site
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    data = site / "data"
    data.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / SCHEMA_FILE, data / SCHEMA_NAME)
    documents = []
    for authority in site_data.CURRENT.authorities:
        document = authority_document(authority)
        documents.append(document)
        _write_json(data / f"{authority.slug}.json", document)
        _write_json(data / "open-referral" / f"{authority.slug}.json", open_referral(authority))
    _write_json(data / "authorities.json", {"authorities": documents})
    write_compare_csv(data / "compare.csv", site_data.CURRENT.authorities)
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {config.site_url}sitemap.xml\n",
                                     encoding="utf-8")


def on_page_content(html: str, page, config, files) -> str:
    authority = site_data.CURRENT.by_slug.get(page.meta.get("authority_slug"))
    if authority:
        page.update_date = authority.last_reviewed.isoformat()  # the sitemap's lastmod
    return html


def _answer(markdown: str) -> str:
    # Search engines read Answer.text as HTML, so it is the answer's HTML exactly as the page shows it:
    # the same links, and text typed as HTML shown as text, as on the page.
    return str(markdown_html(markdown)).strip()


def _json_ld(data: dict) -> str:
    # "<", ">" and "&" escaped, so no text inside can close the script element.
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def structured_data(page, config) -> list[dict]:
    home = config.site_url or "/"
    crumbs = [("Home", home)]
    authority = site_data.CURRENT.by_slug.get(page.meta.get("authority_slug"))
    kind = BY_KEY.get(page.meta.get("page_kind"))
    if authority:
        crumbs.append((authority.short_name, f"{home}{authority.slug}/"))
        if kind and kind.key != "overview":
            crumbs.append((kind.contents_label, page.canonical_url))
    elif not page.is_homepage:
        crumbs.append((page.title, page.canonical_url))
    found = [{"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(crumbs, 1)]}]
    if authority and kind and kind.key == "faqs" and authority.faqs:
        found.append({"@type": "FAQPage", "mainEntity": [
            {"@type": "Question", "name": faq.question, "acceptedAnswer": {"@type": "Answer", "text": _answer(faq.answer)}}
            for faq in authority.faqs]})
    if authority and kind and kind.key == "contacts":
        organization = {"@type": "GovernmentOrganization", "name": authority.name, "contactPoint": [
            {"@type": "ContactPoint", "name": c.name, "contactType": ROLE_NAMES[c.role],
             **({"telephone": c.phone} if c.phone else {}), **({"email": c.email} if c.email else {}),
             **({"url": str(c.web)} if c.web else {})} for c in authority.contacts]}
        if authority.local_offer_url:
            organization["url"] = str(authority.local_offer_url)
        found.append(organization)
    return found


def on_post_page(output: str, page, config) -> str:
    scripts = "".join(_json_ld(data) for data in structured_data(page, config))
    return output.replace("</head>", scripts + "\n</head>", 1)
