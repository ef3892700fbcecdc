"""The set of pages every authority gets, in order. One template per kind lives in macros/pages/council/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).parent / "council"


@dataclass(frozen=True)
class PageKind:
    key: str
    contents_label: str  # how the council's contents list names the page
    title: str  # the page title; {place} is the council's short name, {support} its word for SEN support
    sections: tuple[str, ...] = ()  # the parts of an authority file this page shows (their sources are listed)
    # Weight in the site search, where national pages weigh 1: below 1, a general question finds the
    # national explanation first, while a question naming a council still finds that council's pages.
    search_boost: float = 0.5

    @property
    def template(self) -> Path:
        return PAGES_DIR / f"{self.key}.html"

    def src_uri(self, slug: str) -> str:
        return f"{slug}/index.md" if self.key == "overview" else f"{slug}/{self.key}.md"

    def url(self, slug: str) -> str:
        return f"{slug}/" if self.key == "overview" else f"{slug}/{self.key}/"


PAGE_KINDS = (
    PageKind("overview", "Overview", "SEND support in {place}", ("sen_support", "terms", "documents")),
    PageKind("graduated-approach", "The graduated approach, step by step",
             "The graduated approach in {place}: {support} step by step",
             ("graduated_approach", "assess_plan_do_review"), search_boost=0.4),
    PageKind("school", "What to expect from your child's school",
             "What to expect from your child's school in {place}", ("expectations", "frameworks", "transition"),
             search_boost=0.6),
    PageKind("funding", "Funding and top-up", "SEN funding and top-up funding in {place}", ("funding",)),
    PageKind("ehc-needs-assessment", "Asking for an EHC needs assessment",
             "Asking for an EHC needs assessment in {place}", ("ehc_needs_assessment",)),
    PageKind("faqs", "Questions parents ask", "Questions parents ask about {support} in {place}", ("faqs",)),
    # The two pages that mention almost every council word (the step-by-step guide, and the
    # contacts page, whose cards name each service) weigh a little less, so a question finds the
    # page about its subject first; their own questions still find them (tests/test_search.py).
    # "or": each council gives some of these ways, and not every council gives an email.
    PageKind("contacts", "Who to contact", "Who to contact about SEND in {place}: phone, email or website", ("contacts",),
             search_boost=0.4),
    PageKind("you-said-we-did", "You said, we did", "You said, we did: comments on {place}'s Local Offer",
             ("you_said_we_did",), search_boost=0.3),
)

BY_KEY = {kind.key: kind for kind in PAGE_KINDS}


# The questions parents come with, each answered one click from the home page and from every
# council's overview: (question, the kind of page that answers it).
TASKS = (
    ("What should my child's school already be doing?", "school"),
    ("Can the school get extra money, and how?", "funding"),
    ("Who can I phone for information and advice?", "contacts"),
    ("How do I ask for an EHC needs assessment, and how long does it take?", "ehc-needs-assessment"),
)
