/* Progressive enhancements. Without JavaScript every page shows everything;
 * with it, readers can narrow an entitlement page to their tier and YHGFL
 * membership, filter the schools index, show only the services that differ
 * between tiers, and print the address of each link. */
(function () {
  "use strict";

  function words(label) {
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* Entitlement pages: <form data-narrow> with radio groups "tier" and "yhgfl".
   * Elements with data-for-tiers="a b" are shown only when the chosen tier is
   * one of them; data-yhgfl on the article picks the YHGFL wording by CSS. */
  function narrowing(form) {
    var article = form.closest("article") || document.body;
    var status = form.querySelector("[role=status]");
    var params = new URLSearchParams(window.location.search);
    ["tier", "yhgfl"].forEach(function (name) {
      var wanted = params.get(name);
      var input = wanted && form.querySelector("input[name=" + name + "][value='" + CSS.escape(wanted) + "']");
      if (input) { input.checked = true; }
    });
    function apply() {
      var tier = form.elements.tier.value;
      var yhgfl = form.elements.yhgfl ? form.elements.yhgfl.value : "unknown";
      article.setAttribute("data-yhgfl", yhgfl);
      article.querySelectorAll("[data-for-tiers]").forEach(function (element) {
        element.hidden = tier !== "all" && element.getAttribute("data-for-tiers").split(" ").indexOf(tier) < 0;
      });
      var tierLabel = words(form.querySelector("input[name=tier]:checked").parentNode);
      var yhgflText = { unknown: "YHGFL and other schools", yes: "a YHGFL school", no: "a school that is not YHGFL" }[yhgfl];
      status.textContent = "Showing " + (tier === "all" ? "all tiers" : tierLabel) +
        (form.elements.yhgfl ? ", for " + yhgflText : "") + ".";
      var query = new URLSearchParams(window.location.search);
      query.set("tier", tier);
      if (form.elements.yhgfl) { query.set("yhgfl", yhgfl); }
      window.history.replaceState(null, "", "?" + query.toString() + window.location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* Schools index: filter rows by name and school type. */
  function schoolFilter(form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".schools-table tbody tr"));
    var status = form.querySelector("[role=status]");
    function apply() {
      var name = form.elements.name.value.trim().toLowerCase();
      var type = form.elements.type.value;
      var shown = 0;
      rows.forEach(function (row) {
        var match = (!name || words(row.querySelector("th")).toLowerCase().indexOf(name) >= 0) &&
          (!type || row.getAttribute("data-school-type") === type);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = shown + " of " + rows.length + " schools shown.";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* Comparison pages: a checkbox that hides the services every tier gets alike. */
  function onlyDifferences(checkbox) {
    var holder = checkbox.closest(".only-differences");
    var table = holder.nextElementSibling.querySelector("table");
    checkbox.addEventListener("change", function () {
      table.querySelectorAll("tr.same").forEach(function (row) { row.hidden = checkbox.checked; });
    });
    holder.hidden = false;
  }

  /* Printing: show each link's full address after it. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("article a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|mailto:|tel:)/.test(href) === false && !link.classList.contains("headerlink")) {
        link.setAttribute("data-print-url", link.href);
      }
    });
  });

  function start() {
    document.querySelectorAll("form[data-narrow]").forEach(narrowing);
    document.querySelectorAll("form[data-school-filter]").forEach(schoolFilter);
    document.querySelectorAll("input[data-only-differences]").forEach(onlyDifferences);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
