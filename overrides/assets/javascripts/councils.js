/* Finding one council among many: the filter box of the home page's A to Z, and the compare page's
 * choice of two or three councils to put side by side. Plain ES2017, no libraries.
 * Without this file nothing is lost: the A to Z lists every council, and the compare page shows
 * every council's facts in a section of its own. It is loaded in the head so that <html> is
 * marked lo-js before the page is first drawn: the stylesheet then keeps room for the boxes added
 * here, and the page does not jump when they arrive. */
(function () {
  "use strict";

  document.documentElement.classList.add("lo-js");

  var DONE = "data-lo-enhanced";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // What a name or a search is made of, so that case, accents and punctuation never stop a match:
  // "st helens" finds "St. Helens", "stockton on tees" finds "Stockton-on-Tees".
  function plain(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function councils(count) {
    return count === 1 ? "1 council" : count + " councils";
  }

  // The page draws each box's words as a paragraph; it becomes the label of the control put beside it.
  function labelFor(paragraph, control) {
    var label = element("label", { for: control.id, id: paragraph.id, class: paragraph.className });
    while (paragraph.firstChild) label.appendChild(paragraph.firstChild);
    paragraph.parentNode.replaceChild(label, paragraph);
  }

  function enhanceFilter(list) {
    var box = list.querySelector(".lo-council-az__filter");
    if (!box || list.hasAttribute(DONE)) return;
    list.setAttribute(DONE, "true");

    var items = Array.prototype.map.call(list.querySelectorAll(".lo-council-az__list > li"), function (item) {
      return { item: item, words: plain(item.textContent) };
    });
    var groups = list.querySelectorAll(".lo-council-az__group");
    var input = element("input", { type: "search", id: "lo-council-filter", autocomplete: "off", spellcheck: "false" });
    var count = box.querySelector(".lo-council-az__count");
    count.setAttribute("aria-live", "polite");
    labelFor(box.querySelector(".lo-council-az__label"), input);
    box.querySelector(".lo-council-az__field").appendChild(input);

    input.addEventListener("input", function () {
      var query = plain(input.value);
      var shown = 0;
      items.forEach(function (entry) {
        var match = entry.words.indexOf(query) !== -1;
        entry.item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
      var typed = "\u201c" + input.value.trim() + "\u201d";
      count.textContent = !query ? "All " + councils(items.length) + " are listed."
        : !shown ? "No council matches " + typed + ". Check the spelling, or clear the box to see every council."
        : councils(shown) + (shown === 1 ? " matches " : " match ") + typed + ".";
    });
  }

  function names(list) {
    if (list.length < 2) return list.join("");
    return list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }

  function enhanceChooser(box) {
    var picker = box.querySelector(".lo-side-by-side__picker");
    var sections = box.querySelectorAll(".lo-side-by-side__council");
    if (!picker || sections.length < 2 || box.hasAttribute(DONE)) return;
    box.setAttribute(DONE, "true");

    var all = Array.prototype.map.call(sections, function (section) {
      return {
        slug: section.id.replace(/^council-/, ""),
        name: section.querySelector("h2").textContent.trim(),
        facts: Array.prototype.map.call(section.querySelectorAll(".lo-side-by-side__facts > div"), function (row) {
          return { label: row.querySelector("dt"), value: row.querySelector("dd") };
        })
      };
    });
    var bySlug = {};
    all.forEach(function (council) { bySlug[council.slug] = council; });

    var selects = Array.prototype.map.call(picker.querySelectorAll(".lo-side-by-side__choice"), function (choice, index) {
      var select = element("select", { id: "lo-compare-" + (index + 1) });
      select.appendChild(element("option", { value: "" }, "Choose a council"));
      all.forEach(function (council) { select.appendChild(element("option", { value: council.slug }, council.name)); });
      labelFor(choice.querySelector(".lo-side-by-side__label"), select);
      choice.querySelector(".lo-side-by-side__field").appendChild(select);
      return select;
    });
    var status = picker.querySelector(".lo-side-by-side__status");
    status.setAttribute("aria-live", "polite");
    var place = element("div", { class: "lo-side-by-side__chosen" });
    picker.parentNode.insertBefore(place, picker.nextSibling);

    function cellOf(tag, from, attributes) {
      var cell = element(tag, attributes);
      Array.prototype.forEach.call(from.childNodes, function (node) { cell.appendChild(node.cloneNode(true)); });
      return cell;
    }

    function table(chosen) {
      var result = element("table", { class: "lo-side-by-side__table" });
      result.appendChild(element("caption", {}, names(chosen.map(function (c) { return c.name; })) +
        (chosen.length > 1 ? " side by side" : "")));
      var head = element("tr");
      head.appendChild(element("th", { scope: "col" }, box.getAttribute("data-label")));
      chosen.forEach(function (council) { head.appendChild(element("th", { scope: "col" }, council.name)); });
      result.appendChild(element("thead")).appendChild(head);
      var body = result.appendChild(element("tbody"));
      all[0].facts.forEach(function (fact, index) {
        var row = body.appendChild(element("tr"));
        row.appendChild(cellOf("th", fact.label, { scope: "row" }));
        chosen.forEach(function (council) {
          row.appendChild(cellOf("td", council.facts[index].value, { "data-label": council.name }));
        });
      });
      return result;
    }

    function show(remember) {
      var chosen = [];
      selects.forEach(function (select) {
        var council = bySlug[select.value];
        if (council && chosen.indexOf(council) === -1) chosen.push(council);
      });
      place.textContent = "";
      if (chosen.length) place.appendChild(table(chosen));
      if (chosen.length || remember) {
        status.textContent = !chosen.length ? "Choose a council in each box, and the table of their answers appears below."
          : chosen.length === 1 ? "Showing " + chosen[0].name + ". Choose another council to compare it with."
          : "Showing " + names(chosen.map(function (c) { return c.name; })) + " side by side.";
      }
      if (remember) {
        // The address keeps the choice, so a parent can bookmark or share it and come back to it.
        var url = new URL(window.location.href);
        url.searchParams.delete("council");
        chosen.forEach(function (council) { url.searchParams.append("council", council.slug); });
        window.history.replaceState(window.history.state, "", url.toString());
      }
    }

    new URL(window.location.href).searchParams.getAll("council").filter(function (slug) {
      return bySlug[slug];
    }).slice(0, selects.length).forEach(function (slug, index) { selects[index].value = slug; });
    selects.forEach(function (select) { select.addEventListener("change", function () { show(true); }); });
    show(false);
  }

  function init() {
    document.querySelectorAll(".lo-council-az").forEach(enhanceFilter);
    document.querySelectorAll(".lo-side-by-side--choose").forEach(enhanceChooser);
  }

  // The theme's bundle, which defines document$, comes after this file: wait for the page, then
  // follow its instant loading if it is on (init is idempotent, as the first page may come twice).
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else {
      init();
    }
  });
})();
