/* Progressive enhancements. Without JavaScript every page shows everything;
 * with it, readers can narrow an entitlement page to their tier and YHGFL
 * membership, filter the schools index, show only the services that differ
 * between tiers, see what changes moving from one tier to another, and print
 * the address of each link. */
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

  /* Home page: a name box that narrows the list of schools (the list itself works without JavaScript). */
  function listFilter(form) {
    var items = Array.prototype.slice.call(document.getElementById(form.getAttribute("data-list-filter"))
      .querySelectorAll("li"));
    var status = form.querySelector("[role=status]");
    function apply() {
      var name = form.elements.name.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (item) {
        var match = !name || words(item.querySelector("a")).toLowerCase().indexOf(name) >= 0;
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = name ? (shown === 0 ? "No school matches that name." :
        shown + (shown === 1 ? " school matches." : " schools match.")) : "";
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = items.filter(function (item) { return !item.hidden; })[0];
      if (first) { first.querySelector("a").focus(); }
    });
    form.hidden = false;
    apply();
  }

  /* Comparison pages: a checkbox that hides the services every tier gets alike, and the heading of a group
   * none of whose services differ. */
  function onlyDifferences(checkbox) {
    var holder = checkbox.closest(".only-differences");
    var table = holder.nextElementSibling.querySelector("table");
    checkbox.addEventListener("change", function () {
      table.querySelectorAll("tr.same").forEach(function (row) { row.hidden = checkbox.checked; });
      table.querySelectorAll("tbody").forEach(function (group) {
        group.hidden = checkbox.checked && !group.querySelector("tr.differs");
      });
    });
    holder.hidden = false;
  }

  /* Comparison pages: what changes for a school moving from one tier to another. <div data-compare> is
   * hidden without JavaScript (the full tables say everything). Its form asks for the two tiers, and whether
   * the school is a YHGFL school and its type where the answer depends on them. Every answer was worked out
   * when the site was built (macros/sla/comparison.py): <script data-compare-answers> lists the pieces that
   * make each one, keyed "from/to/yhgfl" for the services and "from/to/type" for the cost ("any" where the
   * form does not ask), with statuses by number; <template data-compare-pieces> holds each piece once,
   * rendered and escaped by the site's templates. The answer shown is put together from copies of the
   * pieces; the choice is kept in the address (?from=core&to=platinum&yhgfl=yes). */
  function comparing(holder) {
    var form = holder.querySelector("form[data-compare-form]");
    var status = form.querySelector("[role=status]");
    var answer = holder.querySelector("[data-compare-answer]");
    var heading = answer.querySelector("[data-compare-heading]");
    var result = answer.querySelector("[data-compare-result]");
    var pieces = holder.querySelector("template[data-compare-pieces]").content;
    var answers = JSON.parse(holder.querySelector("script[data-compare-answers]").textContent);
    var questions = ["from", "to", "yhgfl", "type"].filter(function (name) { return form.elements[name]; });
    var params = new URLSearchParams(window.location.search);
    questions.forEach(function (name) {
      var wanted = params.get(name);
      var input = wanted && form.querySelector("input[name=" + name + "][value='" + CSS.escape(wanted) + "']");
      if (input) { input.checked = true; }
    });

    function piece(id) {
      var node = pieces.querySelector("[data-piece='" + CSS.escape(id) + "']").cloneNode(true);
      node.removeAttribute("data-piece");
      return node;
    }
    function moveContents(from, to) {
      while (from.firstChild) { to.appendChild(from.firstChild); }
      return to;
    }
    /* `node` with each of its [data-slot=name] elements given the contents of the piece slots[name]. */
    function filled(node, slots) {
      Object.keys(slots).forEach(function (name) {
        var slot = node.querySelector("[data-slot='" + name + "']");
        moveContents(piece(slots[name]), slot);
        slot.removeAttribute("data-slot");
      });
      return node;
    }
    /* The piece of a status, by its number in the JSON block. */
    function statusPiece(number) { return "status-" + answers.statuses[number]; }
    function show(choice) {
      var change = answers.changes[[choice.from, choice.to, choice.yhgfl || "any"].join("/")];
      var tiers = { from: "tier-" + choice.from, to: "tier-" + choice.to };
      heading.textContent = "";
      moveContents(filled(piece("heading"), tiers), heading);
      result.textContent = "";
      result.appendChild(piece(change.summary));
      if (change.groups.length) { result.appendChild(piece("matrix-heading")); }
      change.groups.forEach(function (group) {
        result.appendChild(piece("group-" + group[0]));
        var list = result.appendChild(document.createElement("ul"));
        list.className = "compare-changes";
        group[1].forEach(function (line) {
          list.appendChild(filled(piece("line"), { service: "service-" + line[0], from: tiers.from, to: tiers.to,
                                                   before: statusPiece(line[1]), after: statusPiece(line[2]) }));
        });
      });
      if (change.described.length) { result.appendChild(piece("described-heading")); }
      change.described.forEach(function (item) {
        result.appendChild(filled(piece("described-" + item[0]), {
          from: tiers.from, to: tiers.to, before: statusPiece(item[1]), after: statusPiece(item[2]) }));
      });
      result.appendChild(piece(answers.costs[[choice.from, choice.to, choice.type || "any"].join("/")]));
      ["from", "to", "yhgfl", "type"].forEach(function (name) {
        var attribute = { from: "data-compare-from", to: "data-compare-to", yhgfl: "data-yhgfl",
                          type: "data-school-type" }[name];
        answer.setAttribute(attribute, choice[name] || "any");
      });
      answer.hidden = false;
      return words(filled(piece("shown"), { from: tiers.from, to: tiers.to, who: "who-" + (choice.yhgfl || "any") }));
    }
    function apply() {
      var choice = {};
      questions.forEach(function (name) { choice[name] = form.elements[name].value; });
      var query = new URLSearchParams(window.location.search);
      questions.forEach(function (name) {
        if (choice[name]) { query.set(name, choice[name]); } else { query.delete(name); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", (search ? "?" + search : window.location.pathname) + window.location.hash);
      answer.hidden = true;
      if (questions.some(function (name) { return !choice[name]; })) {
        status.textContent = words(piece("prompt"));
      } else if (choice.from === choice.to) {
        status.textContent = words(piece("same-tier"));
      } else {
        status.textContent = show(choice);
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    holder.hidden = false;
    apply();
  }

  /* Printing: the date printed, and each link's full address after it, except references to clauses
   * ("section 5.3") and the links of the summary at the top, which read the same on paper. */
  function printDate() {
    document.querySelectorAll("[data-print-date]").forEach(function (element) {
      element.textContent = "Printed on " + new Date().toLocaleDateString("en-GB",
        { day: "numeric", month: "long", year: "numeric" }) + ".";
    });
  }
  window.addEventListener("beforeprint", function () {
    printDate();
    document.querySelectorAll("article a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|mailto:|tel:)/.test(href) === false && !link.classList.contains("headerlink") &&
          !/^section [0-9.]+$/.test(words(link)) && !link.closest(".page-summary")) {
        link.setAttribute("data-print-url", link.href);
      }
    });
  });

  function start() {
    document.querySelectorAll("form[data-narrow]").forEach(narrowing);
    document.querySelectorAll("form[data-school-filter]").forEach(schoolFilter);
    document.querySelectorAll("form[data-list-filter]").forEach(listFilter);
    printDate();
    document.querySelectorAll("input[data-only-differences]").forEach(onlyDifferences);
    document.querySelectorAll("[data-compare]").forEach(comparing);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
