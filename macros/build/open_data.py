"""MkDocs hook: every published fact, re-usable by others.

- `data/<slug>.json` and `data/authorities.json`: each council's validated data exactly as the
  pages show it, naming the published JSON Schema (`data/authority.schema.json`).
- `data/open-referral/<slug>.json`: each council's services and contacts in the Open Referral UK
  3.0 shape (the mapping is in the README).
- JSON-LD in pages: a BreadcrumbList on every page, FAQPage on FAQ pages, and a
  GovernmentOrganization with its ContactPoints on contacts pages.
- `robots.txt` pointing at the sitemap, and each council page's sitemap date is its last review.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import unicodedata
import uuid
from collections import Counter
from datetime import date
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


# Every Open Referral UK id is a UUID, and it must not change from build to build, so a directory that
# imports this file updates a service instead of adding it again. Each is a uuid5 name under this
# namespace, made once (uuid4) for this project: never change it, or every published id changes.
OPEN_REFERRAL_NAMESPACE = uuid.UUID("cfd1c31c-3382-4654-ad1f-deb76f6160f0")

# A UK postcode (Royal Mail's format, any case, its space optional), alone on its line or after the
# town on the same line ("Stockton-on-Tees TS18 1AU").
_POSTCODE_LINE = re.compile(
    r"(?:(?P<town>.+?)[\s,]+)?(?P<outward>(?P<area>[A-PR-UWYZ][A-HK-Y]?)[0-9][0-9A-HJKPSTUW]?)\s?"
    r"(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})", re.IGNORECASE)
# The postcode areas wholly in England. Open Referral UK requires state_province, and for an address
# in the UK the honest value is its nation; so an address is published only where its postcode says
# it is in England. Left out: Scotland, Wales, Northern Ireland, the Crown Dependencies (not GB),
# the non-geographic BF and BX, and the areas that cross a border (CH, HR, LD, NP, SY, TD; CA too,
# which could not be confirmed as wholly English).
_ENGLISH_POSTCODE_AREAS = frozenset(
    "AL B BA BB BD BH BL BN BR BS CB CM CO CR CT CV CW DA DE DH DL DN DT DY E EC EN EX FY GL GU HA HD HG HP HU HX "
    "IG IP KT L LA LE LN LS LU M ME MK N NE NG NN NR NW OL OX PE PL PO PR RG RH RM S SE SG SK SL SM SN SO SP SR SS "
    "ST SW TA TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO".split())
# Lines an editor may put after the postcode that only repeat what country and state_province say.
_COUNTRY_LINES = frozenset(("uk", "united kingdom", "great britain", "gb", "england"))


def _postal_address(lines) -> dict | None:
    """The address's Open Referral UK fields, or None where one the standard requires cannot be read
    from its lines: city, postal_code and state_province are required, and none is ever guessed."""
    lines = [" ".join(str(line).split()) for line in lines]
    lines = [line for line in lines if line]
    found = [(at, match) for at, line in enumerate(lines) if (match := _POSTCODE_LINE.fullmatch(line))]
    if not found:
        return None
    at, postcode = found[-1]
    if any(line.casefold().replace(".", "") not in _COUNTRY_LINES for line in lines[at + 1:]):
        return None  # something after the postcode we cannot place in any field
    before, town = lines[:at], postcode["town"]
    if town is None and before:
        town, before = before[-1], before[:-1]
    town = (town or "").strip(" ,")
    # A line with a number in it is a street or a building, not a town: the lines are not in the
    # order the rule needs (street, ..., town, postcode).
    if not before or not town or re.search(r"[0-9]", town) or postcode["area"].upper() not in _ENGLISH_POSTCODE_AREAS:
        return None
    return {"address_1": ", ".join(before), "city": town, "state_province": "England",
            "postal_code": f"{postcode['outward'].upper()} {postcode['inward'].upper()}", "country": "GB"}


def _contact_key(authority, contact, seen: Counter) -> str:
    # The council's slug, the contact's role and its name (case and spacing aside), not its place in
    # the list: adding, removing or moving other contacts leaves its id alone. A second contact with
    # the same role and name is numbered, so two contacts never share an id.
    key = f"{authority.slug}/{contact.role}/{' '.join(contact.name.casefold().split())}"
    seen[key] += 1
    return key if seen[key] == 1 else f"{key}/{seen[key]}"


def _service(authority, contact, service_id: uuid.UUID, organization_id: str) -> dict:
    def child(kind: str) -> str:
        return str(uuid.uuid5(service_id, kind))

    service = {"id": str(service_id), "organization_id": organization_id, "name": contact.name}
    if contact.description or contact.role != "other":
        service["description"] = str(contact.description or ROLE_NAMES[contact.role])
    if contact.web:
        service["url"] = str(contact.web)
    if contact.email:
        service["email"] = contact.email
    # Shown on the council's page as a current way to reach it, checked when the file was last reviewed.
    service["status"] = "active"
    service["assured_date"] = authority.last_reviewed.isoformat()
    if contact.opening_hours:
        # Free text, as the council writes it: 3.0's schedule description, not parsed into its rules.
        service["schedules"] = [{"id": child("schedule"), "service_id": str(service_id),
                                 "description": str(contact.opening_hours)}]
    if contact.phone:
        # UK 3.0's organization document has no field for a phone; its phone (with contact_id) belongs
        # to a contact, so the number is where HSDS 3.0 puts it: contacts[].phones[]. Validators of
        # UK 3.0 ignore it; the phone itself has UK 3.0's shape.
        contact_id = child("contact")
        service["contacts"] = [{"id": contact_id, "service_id": str(service_id), "name": contact.name,
                                "phones": [{"id": child("phone" if n == 0 else f"phone {n + 1}"), "contact_id": contact_id,
                                            "number": number} for n, number in enumerate(contact.phones)]}]
    address = _postal_address(contact.address)
    if address:
        # The model's address is a postal address, so both the location and the address are "postal".
        location_id = child("location")
        service["service_at_locations"] = [{
            "id": child("service_at_location"), "service_id": str(service_id), "location_id": location_id,
            "location": {"id": location_id, "location_type": "postal", "addresses": [
                {"id": child("address"), "location_id": location_id, **address, "address_type": "postal"}]}}]
    return service


def open_referral(authority) -> dict:
    """The council and its contacts as one Open Referral UK 3.0 organization with its services
    (the standard's organization.json)."""
    organization_id = str(uuid.uuid5(OPEN_REFERRAL_NAMESPACE, authority.slug))
    seen: Counter = Counter()
    services = [_service(authority, contact, uuid.uuid5(OPEN_REFERRAL_NAMESPACE, _contact_key(authority, contact, seen)),
                         organization_id)
                for contact in authority.contacts]
    organization = {"id": organization_id, "name": authority.name, "description": (
        f"{authority.name} is a local authority in England. "
        "These are the services its Local Offer for SEN support names.")}
    if authority.local_offer_url:
        organization["website"] = str(authority.local_offer_url)
    organization["services"] = services
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
    # Compact: at 150 councils the spaces of an indented file would be a fifth of the open data.
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


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
    # The sitemap's lastmod is when the page's facts were last checked, never the build date:
    # a council's last_reviewed, or a national page's own from its front matter. A page that
    # states no review date gets no lastmod at all.
    authority = site_data.CURRENT.by_slug.get(page.meta.get("authority_slug"))
    if authority:
        page.update_date = authority.last_reviewed.isoformat()
    else:
        reviewed = page.meta.get("last_reviewed")
        page.update_date = reviewed.isoformat() if isinstance(reviewed, date) else None
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
             # schema.org's telephone is one number; a service's other numbers are in the open data.
             **({"telephone": c.phone} if c.phone else {}), **({"email": c.email} if c.email else {}),
             **({"url": str(c.web)} if c.web else {})} for c in authority.contacts]}
        if authority.local_offer_url:
            organization["url"] = str(authority.local_offer_url)
        found.append(organization)
    return found


def on_post_page(output: str, page, config) -> str:
    scripts = "".join(_json_ld(data) for data in structured_data(page, config))
    return output.replace("</head>", scripts + "\n</head>", 1)
