"""A parent prints the guide for a meeting: the PDF has every step and none of the site's navigation."""

import io

from pypdf import PdfReader


def pdf_text(page, url) -> str:
    page.goto(url)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_printed_guide_has_every_step_and_no_navigation(page):
    text = pdf_text(page, page.base + "trafford/graduated-approach/")
    for number, title in enumerate(["Initial concerns", "Assess, Plan, Do, Review", "SEN support", "Review",
                                    "SEN support ongoing", "Considering next steps",
                                    "Application for EHC Needs Assessment"], start=1):
        assert f"Step {number}" in text and title in text, title
    # Text inside steps that start closed on screen is printed too.
    assert "Take a list of your worries" in text or "list of your worries" in text
    for navigation in ["Understanding SEN support", "Accessibility statement", "Search", "guide: contents",
                       "Skip to content"]:
        assert navigation not in text, navigation


def test_printed_contacts_show_numbers_and_web_addresses_in_full(page):
    text = pdf_text(page, page.base + "blackburn-with-darwen/contacts/")
    assert "local.offer@blackburn.gov.uk" in text
    assert "(http://www.bwd-localoffer.org.uk" in text
    text = pdf_text(page, page.base + "stockton-on-tees/contacts/")
    assert "01642 527158" in text and "01642 527145" in text
