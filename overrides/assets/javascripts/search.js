/* The site search: the dialog of overrides/partials/search.html, asking the Pagefind index that
 * macros/build/pagefind_index.py builds. Plain ES2017 and Pagefind's own module; no other library.
 *
 * Parents type questions ("how do I get top up funding in Bury"), and Pagefind returns only pages
 * that hold every word it is given. So the question is cut to the words that tell pages apart, a
 * council named in it becomes a filter, and when too few pages hold every word, each word is asked
 * on its own and the pages that match the most words come first. On a council's page the search
 * keeps to that council and the national guides, unless the parent unticks the box or names
 * another council. Results are links in rank order, each naming its council and, where one
 * matched, the section of the page. */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-lo-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var here = dialog.getAttribute("data-lo-council");

  // The dialog's box and results list, drawn here rather than sent in every page.
  var SVG = "http://www.w3.org/2000/svg";
  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS(SVG, "path");
    line.setAttribute("d", path);
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-width", "2");
    svg.appendChild(line);
    return svg;
  }
  function make(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  var input = make("input", { type: "search", class: "md-search__input", id: "lo-search-input", name: "q",
    "aria-label": "Search this site", placeholder: "Search, for example: top-up funding", autocapitalize: "off",
    autocorrect: "off", autocomplete: "off", spellcheck: "false", enterkeyhint: "search",
    "aria-describedby": "lo-search-status", "aria-controls": "lo-search-results" });
  var back = make("label", { class: "md-search__icon md-icon", for: "__search", "aria-hidden": "true" },
    [icon("M10 5a5 5 0 1 0 0 10a5 5 0 1 0 0-10M14 14l6 6"), icon("M19 12H5M11 6l-6 6l6 6")]);
  var form = make("form", { class: "md-search__form lo-search__form", id: "lo-search-form", action: "#" }, [
    input, back,
    make("nav", { class: "md-search__options", "aria-label": "Search" }, [
      make("button", { type: "reset", class: "md-search__icon md-icon", "aria-label": "Clear the search" },
        [icon("M6 6l12 12M18 6L6 18")])])]);
  var status = make("p", { class: "md-search-result__meta", id: "lo-search-status", role: "status" },
    ["Type a word or a question."]);
  var list = make("ol", { class: "md-search-result__list lo-search-result__list", id: "lo-search-results",
    "aria-label": "Search results" });
  var only = null;
  var result = make("div", { class: "md-search-result lo-search-result" });
  if (here) {
    only = make("input", { type: "checkbox", id: "lo-search-only", checked: "" });
    result.appendChild(make("p", { class: "lo-search__scope" }, [only,
      make("label", { for: "lo-search-only" }, ["Only " + here + " and the guides for every council"])]));
  }
  result.appendChild(status);
  result.appendChild(list);
  dialog.appendChild(make("div", { class: "md-search__inner", role: "search" }, [form,
    make("div", { class: "md-search__output" }, [make("div", { class: "md-search__scrollwrap", tabindex: "0" }, [result])])]));
  var EVERY = "Every council";  // the council of a national page (overrides/main.html)
  var SHOWN = 10;
  var ENOUGH = 3;  // fewer pages than this hold every word: ask each word on its own too

  // Words that say how a question is asked, not what it is about.
  var STOP = ("a about am an and any are as ask at be been being by can could did do does doing for " +
    "from get gets getting give go going got had has have having he her here his how i if in into is it " +
    "its just know me might more much must my of on or our out please really she should so some " +
    "each give gives said stand mean means meaning than that the their them then there they this those to too up us want was we were what when where " +
    "which while who whom whose why will with would you your").split(" ");
  var stop = {};
  STOP.forEach(function (word) { stop[word] = true; });
  // Councils write the same thing in different ways; a word asked for finds each way of writing it.
  var SAME = [["senco", "sendco"], ["ehcp", "ehc plan"], ["apdr", "assess plan do review"],
              ["sendiass", "sendias", "iass"], ["send", "sen"]];
  var same = {};
  SAME.forEach(function (group) { group.forEach(function (word) { same[word] = group; }); });
  // On the home page, a question that names no council is most often answered by a guide for every
  // council; a guide's score counts this many times a council page's.
  var NATIONAL = 3;
  // A question asking how to reach someone is answered by a council's contacts page first.
  var CONTACTING = /\b(phone|telephone|ring|call|email|e-mail|contact|address)\b/i;
  // A question about every council at once ("how much does each council give") is answered by the
  // page that compares them.
  var COMPARING = /\b(each|every|all|other|different)\s+(council|councils|local\s+authorit(y|ies)|areas?)\b|\bcompar(e|ed|ing|ison)\b/i;
  // A question asking what a word means is answered by the glossary first.
  var DEFINING = /^\s*(what\s+(is|are|'s)\b|what\s+does\b.*\b(mean|stand\s+for)\b|define\b|meaning\s+of\b)/i;

  function plain(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/[’']s\b/g, "").replace(/[^a-z0-9£]+/g, " ").trim();
  }

  var bundle = new URL(dialog.getAttribute("data-lo-search-bundle"), document.baseURI).href;
  var root = new URL(dialog.getAttribute("data-lo-search-root") || "./", document.baseURI).pathname;
  var engine = null;
  var councils = null;  // [[plain words of a council's name, its name], ...], longest first

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: root, excerptLength: 24 }).then(function () {
          return pagefind.init();
        }).then(function () {
          return pagefind.filters();
        }).then(function (filters) {
          councils = namesOf(Object.keys((filters && filters.council) || {}).filter(function (name) {
            return name !== EVERY;
          }));
          pagesOf(pagefind, { council: EVERY });  // asked by most searches from the home page: fetched now
          return pagefind;
        });
      });
    }
    return engine;
  }

  // Council names that are also everyday words ("help with reading"): such a name counts only when
  // written with its capital letter, or after "in", or before "council".
  var EVERYDAY = { reading: true, bury: true, derby: true, slough: true, hull: true };

  // How a question may name each council: its whole name, and the first word of a longer name
  // when no other council's name starts with it ("Stockton" for Stockton-on-Tees).
  function namesOf(names) {
    var firsts = {};
    names.forEach(function (name) {
      var first = plain(name).split(" ")[0];
      firsts[first] = (firsts[first] || 0) + 1;
    });
    var ways = [];
    names.forEach(function (name) {
      var whole = plain(name);
      ways.push([whole, name]);
      var first = whole.split(" ")[0];
      if (first !== whole && first.length >= 5 && firsts[first] === 1 && !stop[first]) ways.push([first, name]);
    });
    return ways.sort(function (a, b) { return b[0].length - a[0].length; });
  }

  // The council a question names, and the question without its name.
  function namedCouncil(words, asked) {
    var text = " " + words + " ";
    var everyday = null;  // a council's name used as an everyday word: its pages count less
    for (var i = 0; i < councils.length; i++) {
      var name = " " + councils[i][0] + " ";
      if (!councils[i][0] || text.indexOf(name) === -1) continue;
      if (EVERYDAY[councils[i][0]] && !new RegExp("(^|[^A-Za-z])" + councils[i][1].replace(/[^A-Za-z ]/g, ".") + "\\b").test(asked.replace(/^\s*\S+/, "")) &&
          !new RegExp("\\b(in|at) " + councils[i][0] + "\\b|\\b" + councils[i][0] + " council\\b").test(words)) {
        everyday = councils[i][1];
        continue;
      }
      return { name: councils[i][1], rest: text.replace(name, " ").trim() };
    }
    return { name: null, rest: words, everyday: everyday };
  }

  function meaningful(words) {
    var kept = words.split(" ").filter(function (word) { return word && !stop[word]; });
    return kept.length ? kept : words.split(" ").filter(Boolean);
  }

  // Every word at once; then, if too few pages hold them all, each word on its own, a page scoring
  // for each word it holds. Pages holding every word stay first.
  // The question as each way of writing its first word that has others (see SAME): each page once,
  // with the best score any of them gives it, best first, as {result, score}.
  function everyWay(pagefind, words, options) {
    var at = -1;
    words.forEach(function (word, i) { if (at === -1 && same[word]) at = i; });
    var ways = at === -1 ? [words] : same[words[at]].map(function (other) {
      return words.slice(0, at).concat(other.split(" "), words.slice(at + 1));
    });
    return Promise.all(ways.map(function (way) { return pagefind.search(way.join(" "), options); }))
      .then(function (answers) {
        var best = {};
        answers.forEach(function (answer) {
          answer.results.forEach(function (result) {
            var score = result.score * together(result, words.length);
            if (!best[result.id] || best[result.id].score < score) best[result.id] = { result: result, score: score };
          });
        });
        return Object.keys(best).map(function (id) { return best[id]; })
          .sort(function (a, b) { return b.score - a.score; });
      });
  }

  // A page where the words asked for stand side by side ("One Point Panel", "element 2") counts
  // more than one where they are scattered: up to twice as much.
  function together(result, count) {
    if (count < 2 || !result.words) return 1;
    var at = {};
    result.words.forEach(function (position) { at[position] = true; });
    var pairs = 0;
    // The word after next counts too: a question's little words are not asked ("Assess, Plan, Do, Review").
    result.words.forEach(function (position) { if (at[position + 1] || at[position + 2]) pairs += 1; });
    return 1 + Math.min(pairs, 4) * 0.25;
  }

  // Pages holding every word come first (tier 0); if there are too few, pages holding some of the
  // words follow (tier 1), those with more of the words first.
  function ask(pagefind, words, filters) {
    var options = filters ? { filters: filters } : {};
    return everyWay(pagefind, words, options).then(function (found) {
      found.forEach(function (entry) { entry.tier = 0; });
      if (found.length >= ENOUGH || words.length < 2) return found;
      var seen = {};
      found.forEach(function (entry) { seen[entry.result.id] = true; });
      return Promise.all(words.map(function (word) { return everyWay(pagefind, [word], options); }))
        .then(function (each) {
          var partial = {};
          each.forEach(function (answer) {
            var top = answer.length ? answer[0].score : 1;
            answer.forEach(function (entry) {
              var id = entry.result.id;
              if (seen[id]) return;
              var sum = partial[id] || (partial[id] = { result: entry.result, tier: 1, words: 0, share: 0 });
              sum.words += 1;
              sum.share += entry.score / top / words.length;
            });
          });
          return found.concat(Object.keys(partial).map(function (id) {
            var sum = partial[id];
            return { result: sum.result, tier: 1, score: sum.words + sum.share };
          }));
        });
    });
  }

  // Every page a filter matches, as ids; asked once per filter and kept, since a page's council and
  // kind do not change while the page is open.
  var matching = {};
  function pagesOf(pagefind, filter) {
    var key = JSON.stringify(filter);
    if (!matching[key]) {
      matching[key] = pagefind.search(null, { filters: filter }).then(function (answer) {
        return answer.results.map(function (result) { return result.id; });
      });
    }
    return matching[key];
  }

  // Each page matching one of `weights` ([[filter, factor], ...], such as [{council: "Bury"}, 3])
  // scores that many times as much; then the best first, tier by tier.
  function reweigh(pagefind, entries, weights) {
    return Promise.all(weights.map(function (weight) { return pagesOf(pagefind, weight[0]); })).then(function (answers) {
      var factor = {};
      answers.forEach(function (ids, n) {
        ids.forEach(function (id) { factor[id] = (factor[id] || 1) * weights[n][1]; });
      });
      entries.forEach(function (entry, i) {
        entry.order = i;
        entry.weighed = entry.score * (factor[entry.result.id] || 1);
      });
      entries.sort(function (a, b) { return a.tier - b.tier || b.weighed - a.weighed || a.order - b.order; });
      return entries.map(function (entry) { return entry.result; });
    });
  }

  function search(query) {
    return load().then(function (pagefind) {
      // "How long" and "how soon" are answered in weeks on every page that answers them.
      var words = plain(query).replace(/\bhow (long|soon|quickly)\b/g, "weeks");
      if (!words) return { results: [] };
      var named = namedCouncil(words, query);
      var council = named.name || (only && only.checked ? here : null);
      var terms = meaningful(named.rest || words);
      var filters = council ? { council: { any: named.name ? [named.name] : [here, EVERY] } } : null;
      var weights = [];
      if (!council) weights.push([{ council: EVERY }, NATIONAL]);
      if (named.everyday) weights.push([{ council: named.everyday }, 1 / NATIONAL]);
      if (DEFINING.test(query)) weights.push([{ kind: "glossary" }, NATIONAL]);
      if (CONTACTING.test(query)) weights.push([{ kind: "contacts" }, NATIONAL]);
      if (COMPARING.test(query)) weights.push([{ kind: "compare" }, NATIONAL]);
      return ask(pagefind, terms, filters).then(function (entries) {
        return reweigh(pagefind, entries, weights);
      }).then(function (results) {
        if (!named.name || results.length >= SHOWN) return results;
        // A question naming a council shows that council's pages first, then anything else that matches.
        return ask(pagefind, terms, null).then(function (more) {
          return reweigh(pagefind, more, []);
        }).then(function (more) {
          var seen = {};
          results.forEach(function (result) { seen[result.id] = true; });
          return results.concat(more.filter(function (result) { return !seen[result.id]; }));
        });
      }).then(function (results) {
        return Promise.all(results.slice(0, SHOWN).map(function (result) { return result.data(); }))
          .then(function (pages) { return { results: pages, total: results.length }; });
      });
    });
  }

  // Pagefind's excerpt is the page's own text with the matched words in <mark>: drawn as text nodes
  // and <mark> elements, never as HTML.
  function excerpt(into, text) {
    var parts = String(text || "").split(/<\/?mark>/);
    parts.forEach(function (part, i) {
      var words = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
        .replace(/&quot;/g, "\"").replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, "&");
      if (!words) return;
      if (i % 2) {
        var mark = document.createElement("mark");
        mark.textContent = words;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(words));
      }
    });
  }

  function bestSection(page) {
    var best = null;
    (page.sub_results || []).forEach(function (section) {
      var title = (page.meta && page.meta.title) || "";
      if (section.url === page.url || !section.title || section.title === title) return;
      var weight = (section.weighted_locations || section.locations || []).length;
      if (!best || weight > best.weight) best = { section: section, weight: weight };
    });
    return best && best.section;
  }

  function item(page) {
    var li = document.createElement("li");
    li.className = "md-search-result__item lo-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link lo-search-result__page";
    link.href = page.url;
    link.textContent = (page.meta && page.meta.title) || page.url;
    li.appendChild(link);
    var council = document.createElement("p");
    council.className = "lo-search-result__council";
    var name = page.meta && page.meta.council;
    council.textContent = name && name !== EVERY ? name : "For every council";
    li.appendChild(council);
    var section = bestSection(page);
    if (section) {
      var sectionLink = document.createElement("a");
      sectionLink.className = "lo-search-result__section";
      sectionLink.href = section.url;
      sectionLink.textContent = section.title;
      li.appendChild(sectionLink);
    }
    var words = document.createElement("p");
    words.className = "lo-search-result__excerpt";
    excerpt(words, (section || page).excerpt);
    li.appendChild(words);
    return li;
  }

  var latest = 0;
  function run() {
    var query = input.value;
    var asked = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "Type a word or a question.";
      return;
    }
    search(query).then(function (answer) {
      if (asked !== latest) return;  // a newer search has started
      list.replaceChildren.apply(list, answer.results.map(item));
      list.setAttribute("data-answered", query);  // which search these results are for (tests read it)
      var count = answer.total || 0;
      status.textContent = count === 0 ? "No pages match. Try fewer or other words." :
        (count === 1 ? "1 page matches." : count + " pages match" +
          (count > SHOWN ? ", the first " + SHOWN + " shown." : "."));
    }).catch(function () {
      if (asked === latest) status.textContent = "The search could not load. Try again, or use the menu.";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  if (only) only.addEventListener("change", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });

  function open() {
    toggle.checked = true;
    load();
    input.focus();
    input.select();
  }
  function close() {
    toggle.checked = false;
    input.blur();
  }
  toggle.addEventListener("change", function () {
    if (toggle.checked) open();
  });
  // The theme's search button is a label, which a keyboard cannot reach and a screen reader does not
  // call a button: it becomes a real button, drawn the same.
  document.querySelectorAll(".md-header__button[for='__search']").forEach(function (label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " lo-search-button";
    button.setAttribute("aria-label", "Search this site");
    button.setAttribute("aria-haspopup", "dialog");
    while (label.firstChild) button.appendChild(label.firstChild);
    button.addEventListener("click", open);
    label.parentNode.replaceChild(button, label);
  });
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    } else if (event.key === "Escape" && toggle.checked) {
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && toggle.checked &&
               dialog.contains(target)) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(target);
      var next = event.key === "ArrowDown" ? at + 1 : (at === -1 ? links.length - 1 : at - 1);
      event.preventDefault();
      if (next < 0) input.focus(); else links[Math.min(next, links.length - 1)].focus();
    }
  });
})();
