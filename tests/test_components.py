"""Every example in every component's YAML renders to safe, well-formed HTML that says
what a parent should see; and every param a template reads is documented."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from macros.pages.components import COMPONENTS, HERE, examples, pounds, render, spec
from support import html_outside_allowlist

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None" = None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        parts = (c if isinstance(c, str) else c.text() for c in self.children)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def matches(self, tag: str | None, attrs: dict) -> bool:
        classes = (self.attrs.get("class") or "").split()
        return (tag is None or self.tag == tag) and all(
            v in classes if k == "class_" else self.attrs.get(k) == v for k, v in attrs.items())

    def all(self, tag: str | None = None, **attrs) -> list["Node"]:
        """Descendants in document order; class_ matches one class among several."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                found += [child] * child.matches(tag, attrs) + child.all(tag, **attrs)
        return found


class Tree(HTMLParser):
    """Builds a tree, failing on any end tag that does not close the open element."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#root", {})
        self.feed(html)
        self.close()
        assert self.node is self.root, f"<{self.node.tag}> is never closed"

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag, attrs):
        self.node.children.append(Node(tag, dict(attrs), self.node))

    def handle_endtag(self, tag):
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
        self.node = self.node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def check_step_by_step(root: Node, p: dict) -> None:
    level = p.get("heading_level") or 2
    (ol,) = root.all("ol", class_="lo-step-by-step")
    steps = [li for li in ol.children if isinstance(li, Node)]
    assert len(steps) == len(p["steps"])
    for n, (li, step) in enumerate(zip(steps, p["steps"]), start=1):
        (heading,) = li.all(f"h{level}")
        assert heading.attrs["id"], "each step heading needs an id to link to"
        expected = f"Step {n}: {step['title']}" + (" (not every child)" if step.get("optional") else "")
        assert heading.text() == expected
        (content,) = li.all("div", id=f"{p['id']}-content-{n}")
        if step.get("badge"):
            assert li.all("p", class_="lo-step-by-step__badge")[0].text() == step["badge"]
        bullets = [li.text() for ul in content.all("ul", class_="lo-step-by-step__items") for li in ul.all("li")]
        groups = [g for g in step.get("groups") or [] if g["items"]]
        assert bullets == list(step.get("items") or []) + [item for g in groups for item in g["items"]]
        titles = [t.text() for t in content.all("p", class_="lo-step-by-step__group-title")]
        assert titles == [g["title"] for g in groups]
        connectors = [c.text() for c in li.all("p", class_="lo-step-by-step__connector")]
        if n == len(steps) or step.get("connector") not in ("and", "or"):
            assert connectors == [], "only 'and' or 'or' joins steps, and nothing follows the last"
        else:
            assert connectors == [step["connector"]]


def check_checklist(root: Node, p: dict) -> None:
    (ul,) = root.all("ul", class_="lo-checklist")
    assert [li.text() for li in ul.all("li")] == p["items"]
    headings = [h for h in root.all() if re.fullmatch(r"h[1-6]", h.tag)]
    if p.get("title"):
        assert [(h.tag, h.text(), h.attrs["id"]) for h in headings] == [
            (f"h{p.get('heading_level') or 2}", p["title"], p["id"])]
    else:
        assert headings == []


def check_funding_table(root: Node, p: dict) -> None:
    (table,) = root.all("table", class_="lo-funding-table")
    assert table.all("caption")[0].text() == p["caption"]
    headers = [th.text() for th in table.all("th", scope="col")]
    assert headers == ["Funding", "Amount", "Who holds it", "What it pays for"]
    rows = table.all("tbody")[0].all("tr")
    assert len(rows) == len(p["rows"])
    for tr, row in zip(rows, p["rows"]):
        assert tr.all("th", scope="row")[0].text() == row["name"]
        cells = {td.attrs["data-label"]: td.text() for td in tr.all("td")}
        assert set(cells) == {"Amount", "Who holds it", "What it pays for"}
        if row.get("amount") is None:
            assert cells["Amount"] == p["unknown_text"]
        else:
            amount = ("Up to " if row.get("amount_is_up_to") else "") + pounds(row["amount"])
            assert cells["Amount"] == " ".join(filter(None, [amount, row.get("period")]))
        assert cells["Who holds it"] == (row.get("held_by") or p["unknown_text"])
        assert cells["What it pays for"].startswith(row.get("pays_for") or p["unknown_text"])
        for note in row.get("notes") or []:
            assert note in cells["What it pays for"]
    if any(row.get("amount") == 6000 and row.get("amount_is_up_to") for row in p["rows"]):
        assert "Up to £6,000" in table.text()


def check_faq(root: Node, p: dict) -> None:
    details = root.all("details", class_="lo-faq")
    assert len(details) == len(p["items"])
    for d, item in zip(details, p["items"]):
        assert d.attrs["id"] and "open" not in d.attrs
        assert [c.tag for c in d.children if isinstance(c, Node)] == ["summary", "div"]
        assert d.all("summary")[0].text() == item["question"]
        assert d.all("div", class_="lo-faq__answer")


def check_contact_card(root: Node, p: dict) -> None:
    (section,) = root.all("section", class_="lo-contact")
    (heading,) = root.all(f"h{p.get('heading_level') or 3}")
    assert heading.text() == p["name"] and section.attrs["aria-labelledby"] == heading.attrs["id"]
    ways = {dt.text(): dt.parent.all("dd")[0] for dt in section.all("dt")}
    assert list(ways) == [label for label, key in (("Phone", "phone"), ("Email", "email"), ("Website", "web"),
                                                   ("Address", "address")) if p.get(key)]
    if "Address" in ways:
        assert [c for c in ways["Address"].children if isinstance(c, str)] == p["address"]
    no_details = section.all("p", class_="lo-contact__no-details")
    assert [n.text() for n in no_details] == ([p["no_details_text"]] if p.get("no_details_text") and not ways else [])
    if p.get("opening_hours"):
        assert p["opening_hours"] in section.all("p", class_="lo-contact__hours")[0].text()
    for label, dd in ways.items():
        links = dd.all("a")
        if label == "Address":
            continue
        if label == "Phone" and re.fullmatch(r"(\+44\s?|0)[0-9 ]{9,13}", p["phone"]):
            assert re.fullmatch(r"tel:\+44\d{9,10}", links[0].attrs["href"]) and links[0].text() == p["phone"]
        elif label == "Email" and re.fullmatch(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", p["email"]):
            assert links[0].attrs["href"] == f"mailto:{p['email']}"
        elif label == "Website" and p["web"].startswith(("http://", "https://")):
            assert links[0].attrs["href"] == p["web"]
        else:
            assert not links, f"{label}: {p[label.lower() if label != 'Website' else 'web']!r} must not become a link"


def check_notice(root: Node, p: dict) -> None:
    (box,) = root.all("div", role="note")
    kind = p.get("kind") if p.get("kind") in ("missing", "info") else "info"
    assert box.attrs["class"] == f"lo-notice lo-notice--{kind}"
    assert box.all("p", class_="lo-notice__title")[0].text() == p["title"]


def check_review_dates(root: Node, p: dict) -> None:
    (para,) = root.all("p", class_="lo-review-dates")
    times = para.all("time")
    assert [t.attrs["datetime"] for t in times] == [p["last_reviewed"].isoformat(), p["next_review_due"].isoformat()]
    expected = f"Last reviewed: {long_date(p['last_reviewed'])} Next review due: {long_date(p['next_review_due'])}"
    assert para.text() == expected + (" (overdue)" if p.get("overdue") else "")


def check_council_words(root: Node, p: dict) -> None:
    (details,) = root.all("details", class_="lo-said")
    assert "open" not in details.attrs  # closed until a parent asks: calm, not cluttered
    publisher = (p["publisher"] or "").replace("-", "\u2011")  # non-breaking hyphens, as drawn
    expected = (f"In {publisher}{chr(39) if publisher.endswith('s') else chr(39) + 's'} words" if publisher
                else "In the words of the pages it comes from")
    assert details.all("summary")[0].text() == expected
    quotes = details.all("blockquote", class_="lo-said__quote")
    assert [q.text() for q in quotes] == [q["text"] for q in p["quotes"]]
    for source, quote in zip(details.all("p", class_="lo-said__source"), p["quotes"]):
        assert quote["title"] in source.text()
        links = source.all("a")
        assert [a.attrs["href"] for a in links] == ([quote["url"]] if quote.get("url") else [])
        if quote.get("date"):
            assert long_date(quote["date"]) in source.text()


CHECKS = {name: globals()[f"check_{name}"] for name in COMPONENTS}


def test_every_component_has_a_check_and_enough_examples():
    assert set(CHECKS) == {"step_by_step", "checklist", "funding_table", "faq", "contact_card", "notice",
                           "review_dates", "council_words"}
    for name in COMPONENTS:
        assert len(spec(name)["examples"]) >= 3, name
    rendered = " ".join(render(c, **p) for c, _, p in examples())
    assert "16 October 2023" in rendered and "Up to £6,000 a year" in rendered


@pytest.mark.parametrize(("component", "params"), [pytest.param(c, p, id=f"{c}-{n}") for c, n, p in examples()])
def test_example_renders_safely_and_shows_what_it_should(component, params):
    html = str(render(component, **params))

    root = Tree(html).root
    assert html_outside_allowlist(html) == []
    assert "<script" not in html.lower()
    for node in root.all():
        assert not [a for a in node.attrs if a.startswith("on")], "no event-handler attributes"
        for attr in ("href", "src", "action", "formaction"):
            if attr in node.attrs:
                assert not re.match(r"\s*(javascript|vbscript|data):", node.attrs[attr], re.I), node.attrs[attr]
    editor_text = repr(params)
    if "{{ 7*7 }}" in editor_text:
        assert "{{ 7*7 }}" in root.text() and "49" not in html
    if "javascript:" in editor_text.lower():
        assert "javascript:" in root.text().lower(), "a refused link is shown as text, not dropped"

    CHECKS[component](root, params)


def documented(params_doc: list[dict]) -> set[str]:
    return {p["name"] for p in params_doc}


@pytest.mark.parametrize("component", COMPONENTS)
def test_yaml_documents_every_param_the_template_reads(component):
    source = (HERE / component / "template.html").read_text(encoding="utf-8")
    used = set(re.findall(r"params\.(\w+)", source)) | set(re.findall(r"params\[[\"'](\w+)[\"']\]", source))
    doc = spec(component)
    assert used == documented(doc["params"])
    for p in doc["params"]:
        assert {"name", "type", "required", "description"} <= set(p), p
    # Examples use only documented params, including inside lists of objects.
    for example in doc["examples"]:
        assert {"name", "description", "params"} <= set(example)
        for p in doc["params"]:
            value = example["params"].get(p["name"])
            if p.get("params") and value:
                for entry in value:
                    assert set(entry) <= documented(p["params"]), (example["name"], entry)
        assert set(example["params"]) <= documented(doc["params"])
    # macro.html only hands params to template.html.
    assert (HERE / component / "macro.html").read_text(encoding="utf-8").strip() == (
        f'{{% macro {component}(params) %}}{{% include "{component}/template.html" %}}{{% endmacro %}}')


def test_render_refuses_unknown_and_missing_params():
    with pytest.raises(TypeError, match="stpes"):
        render("step_by_step", id="x", stpes=[])
    with pytest.raises(TypeError, match="items"):
        render("checklist", id="x")
    with pytest.raises(ValueError):
        render("no_such_component")
