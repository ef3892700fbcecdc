"""Open data: the published JSON is valid against the published schema, Open Referral UK files have
its shape, and the JSON-LD in pages says what the page shows."""

from __future__ import annotations

import json
import re
from html import unescape

import jsonschema
import pytest

from support import ROOT
from test_site import AUTHORITIES, SLUGS, page_text


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_each_councils_data_is_published_and_valid_against_the_published_schema(built_site):
    schema = json.loads((built_site / "data" / "authority.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "authorities" / "authority.schema.json").read_text(encoding="utf-8"))
    combined = json.loads((built_site / "data" / "authorities.json").read_text(encoding="utf-8"))["authorities"]
    assert [d["slug"] for d in combined] == [a.slug for a in AUTHORITIES]
    for authority, from_list in zip(AUTHORITIES, combined):
        document = json.loads((built_site / "data" / f"{authority.slug}.json").read_text(encoding="utf-8"))
        assert document == from_list and document["$schema"] == "authority.schema.json"
        jsonschema.Draft202012Validator(schema).validate(document)
        assert document["name"] == authority.name and document["last_reviewed"] == authority.last_reviewed.isoformat()


@pytest.mark.parametrize("slug", SLUGS)
def test_open_referral_files_have_the_shape_and_the_contacts(built_site, slug):
    authority = next(a for a in AUTHORITIES if a.slug == slug)
    data = json.loads((built_site / "data" / "open-referral" / f"{slug}.json").read_text(encoding="utf-8"))
    assert {"id", "name", "description", "services"} <= set(data) and data["name"] == authority.name
    assert [s["name"] for s in data["services"]] == [c.name for c in authority.contacts]
    for service, contact in zip(data["services"], authority.contacts):
        assert {"id", "name", "description", "status"} <= set(service)
        phones = [p["number"] for c in service.get("contacts", []) for p in c["phones"]]
        assert phones == ([contact.phone] if contact.phone else [])
        assert service.get("email") == contact.email


def test_faq_pages_carry_the_questions_and_answers_they_show(built_site):
    html = (built_site / "stockton-on-tees" / "faqs" / "index.html").read_text(encoding="utf-8")
    (faq,) = [d for d in json_ld(html) if d["@type"] == "FAQPage"]
    shown = [unescape(re.sub(r"<[^>]+>", "", q)).strip() for q in re.findall(r'<summary class="lo-faq__question">(.*?)</summary>', html, re.S)]
    assert [q["name"] for q in faq["mainEntity"]] == shown
    words = lambda text: re.sub(r"\W+", " ", text).strip()  # noqa: E731 - tags leave spaces by punctuation
    visible = words(page_text(built_site, "stockton-on-tees/faqs"))
    for question in faq["mainEntity"]:
        assert words(question["acceptedAnswer"]["text"]) in visible


def test_contacts_pages_carry_the_organisation_and_its_contact_points(built_site):
    html = (built_site / "stockton-on-tees" / "contacts" / "index.html").read_text(encoding="utf-8")
    (organization,) = [d for d in json_ld(html) if d["@type"] == "GovernmentOrganization"]
    assert organization["name"] == "Stockton-on-Tees Borough Council"
    visible = page_text(built_site, "stockton-on-tees/contacts")
    for point in organization["contactPoint"]:
        assert point["name"] in visible and point["telephone"] in visible and point["email"] in visible


def test_every_page_carries_a_breadcrumb_trail(built_site):
    for page in built_site.rglob("index.html"):
        trails = [d for d in json_ld(page.read_text(encoding="utf-8")) if d["@type"] == "BreadcrumbList"]
        assert len(trails) == 1, page
        assert trails[0]["itemListElement"][0]["name"] == "Home"
    trail = [d for d in json_ld((built_site / "trafford" / "funding" / "index.html").read_text()) if d["@type"] == "BreadcrumbList"][0]
    assert [i["name"] for i in trail["itemListElement"]] == ["Home", "Trafford", "Funding and top-up"]


def test_the_sitemap_dates_council_pages_by_their_review_and_robots_points_to_it(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"trafford/funding/</loc>\s*<lastmod>2026-11-22</lastmod>", sitemap)
    assert "Sitemap: " in (built_site / "robots.txt").read_text() and "sitemap.xml" in (built_site / "robots.txt").read_text()
