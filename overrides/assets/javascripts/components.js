/* Enhancements for the components in macros/components. Plain ES2017, no libraries.
 * Without this file every step and answer is still shown or openable: it only adds
 * show/hide buttons to step-by-steps, and opens FAQ answers while printing. */
(function () {
  "use strict";

  var DONE = "data-lo-enhanced";

  function setStep(button, content, open) {
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      content.removeAttribute("hidden");
    } else {
      // until-found lets the browser's find-in-page reveal a closed step where supported;
      // elsewhere any value of hidden simply hides it.
      content.setAttribute("hidden", "until-found");
    }
  }

  function enhanceStepByStep(list) {
    if (list.hasAttribute(DONE)) return;
    list.setAttribute(DONE, "true");

    var steps = [];
    list.querySelectorAll(":scope > li").forEach(function (item) {
      var heading = item.querySelector(".lo-step-by-step__heading");
      var content = item.querySelector(".lo-step-by-step__content");
      if (!heading || !content) return;
      // The heading stays a heading; its text moves into a button inside it.
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lo-step-by-step__button";
      button.setAttribute("aria-controls", content.id);
      while (heading.firstChild) button.appendChild(heading.firstChild);
      var icon = document.createElement("span");
      icon.className = "lo-step-by-step__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      heading.appendChild(button);
      setStep(button, content, false);
      steps.push({ button: button, content: content });
    });
    if (!steps.length) return;

    var showAll = document.createElement("button");
    showAll.type = "button";
    showAll.className = "lo-step-by-step__show-all";
    showAll.setAttribute("aria-controls", steps.map(function (s) { return s.content.id; }).join(" "));
    var controls = document.createElement("div");
    controls.className = "lo-step-by-step__controls";
    controls.appendChild(showAll);
    list.parentNode.insertBefore(controls, list);

    function refreshShowAll() {
      var allOpen = steps.every(function (s) { return s.button.getAttribute("aria-expanded") === "true"; });
      showAll.setAttribute("aria-expanded", String(allOpen));
      showAll.textContent = allOpen ? "Hide all steps" : "Show all steps";
    }

    steps.forEach(function (step) {
      step.button.addEventListener("click", function () {
        setStep(step.button, step.content, step.button.getAttribute("aria-expanded") !== "true");
        refreshShowAll();
      });
      step.content.addEventListener("beforematch", function () {
        setStep(step.button, step.content, true);
        refreshShowAll();
      });
    });
    showAll.addEventListener("click", function () {
      var open = showAll.getAttribute("aria-expanded") !== "true";
      steps.forEach(function (s) { setStep(s.button, s.content, open); });
      refreshShowAll();
    });
    refreshShowAll();
  }

  // A link to a step, or to something inside a closed step or answer, opens it.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var step = target.closest(".lo-step-by-step__step");
    var button = step && step.querySelector(".lo-step-by-step__button");
    if (button && button.getAttribute("aria-expanded") !== "true") button.click();
    var faq = target.closest("details.lo-faq");
    if (faq) faq.open = true;
  }

  // The council's contents box is sent closed (a phone shows it so); on a wider screen
  // local-offer.css already shows its list. Marking it open there changes nothing on screen, so
  // nothing moves, and makes the box what it looks like: open, and closed by its summary.
  // DONE tells the stylesheet the box now follows its own open state.
  function openContentsOnWideScreens() {
    var wide = window.matchMedia("(min-width: 45em)").matches;
    document.querySelectorAll("details.lo-guide-contents__details:not([" + DONE + "])").forEach(function (d) {
      if (wide) d.open = true;
      d.setAttribute(DONE, "true");
    });
  }

  function init() {
    openContentsOnWideScreens();
    document.querySelectorAll("ol.lo-step-by-step").forEach(enhanceStepByStep);
    openTarget();
  }

  // Material's instant loading swaps pages without a new DOMContentLoaded, and emits
  // each new page on document$; init is idempotent because the first page may come twice.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  window.addEventListener("hashchange", openTarget);

  // Chrome prints only the summary of a closed <details>; open the answers for printing
  // and close again afterwards the ones the reader had not opened.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details.lo-faq, details.lo-said"), function (d) {
      return !d.open;
    });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
