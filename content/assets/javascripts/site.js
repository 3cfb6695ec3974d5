/* Progressive enhancements. Without JavaScript every page shows everything;
 * with it, links shared before tiers had pages of their own (?tier=gold) lead to
 * the tier's page, readers can filter the schools index, show only the services
 * that differ between tiers, choose a move between two tiers from a form, work out
 * when a call must receive attention, print the page each link leads to and open the navigation drawer (narrow
 * screens) from the keyboard. The controls that need it carry
 * the class js-only: site.css hides them without JavaScript, and they are drawn from the first paint with it,
 * each already saying what the page shows, so that nothing moves when this script starts. The script is
 * asked for once the page is read (overrides/main.html), so it may start after a reader has chosen something: each
 * control applies what it finds chosen when it starts. */
(function () {
  "use strict";

  function words(label) {
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* A school type's page lists its tiers, each linked to its own page (<a data-tier="gold">). Links shared
   * before tiers had pages of their own (?tier=gold) lead to the tier's page. */
  function tierLinks(table) {
    var wanted = new URLSearchParams(window.location.search).get("tier");
    var link = wanted && table.querySelector("a[data-tier='" + CSS.escape(wanted) + "']");
    if (link) { window.location.replace(link.href); }
  }

  /* The rows or items of a list beyond the first ones, which the page holds in <noscript id=...>: without
   * JavaScript they are part of the page; with it, the <noscript> holds them as text, and they become elements
   * only when a reader searches them (schools_index.html, find_school.html). */
  function moreElements(id, selector) {
    var holder = document.getElementById(id);
    if (!holder) { return []; }
    var parsed = document.createElement("template");
    parsed.innerHTML = holder.textContent;
    return Array.prototype.slice.call(parsed.content.querySelectorAll(selector));
  }
  /* `container` with `elements` as its children, in order, and nothing else. Children already in place are
   * left alone: a link taken out and put back between the press and the release of a click is not followed. */
  function showOnly(container, elements) {
    var children = container.children;
    if (children.length === elements.length &&
        elements.every(function (element, index) { return children[index] === element; })) { return; }
    var fragment = document.createDocumentFragment();
    elements.forEach(function (element) { fragment.appendChild(element); });
    container.textContent = "";
    container.appendChild(fragment);
  }
  /* 1000 as "1,000" (without Intl, whose first use costs a phone tens of milliseconds). */
  function thousands(number) { return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* Schools index: the schools whose name holds the text typed and of the type chosen, at most data-shown of
   * them until the reader asks for all. The page comes with the first ones in the table and its status saying
   * so; the rest are in <noscript id="schools-more">. */
  function schoolFilter(form) {
    var body = document.querySelector(".schools-table tbody");
    var limit = +form.getAttribute("data-shown"), total = +form.getAttribute("data-count");
    var status = form.querySelector("[role=status]"), served = status.textContent;
    var showAll = form.querySelector("[data-show-all]");
    var first = Array.prototype.slice.call(body.rows), rows = null, everything = false;
    function apply() {
      var name = form.elements.name.value.trim().toLowerCase();
      var type = form.elements.type.value;
      rows = rows || first.concat(moreElements("schools-more", "tbody tr"));
      var matches = rows.filter(function (row) {
        return (!name || words(row.querySelector("th")).toLowerCase().indexOf(name) >= 0) &&
          (!type || row.getAttribute("data-school-type") === type);
      });
      var shown = everything ? matches : matches.slice(0, limit);
      showOnly(body, shown);
      if (!name && !type) {  /* what the page said when served (pages.py), or all of them on request */
        status.textContent = shown.length < total || !everything ? served :
          "All " + thousands(total) + " schools are shown.";
      } else if (!matches.length) {
        status.textContent = "No school matches.";
      } else {
        status.textContent = (matches.length === 1 ? "1 school matches" : thousands(matches.length) +
          " schools match") + (shown.length === matches.length ? "." : "; the first " + thousands(shown.length) +
          " are shown: narrow the list, or show them all.");
      }
      showAll.textContent = "Show all " + thousands(matches.length) + " schools" +
        (matches.length < total ? " that match" : "");
      showAll.hidden = shown.length === matches.length;
    }
    function narrowed() { everything = false; apply(); }
    form.addEventListener("input", narrowed);
    form.addEventListener("change", narrowed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    showAll.addEventListener("click", function () {
      everything = true;
      apply();
      var next = body.rows[limit];
      if (next) { next.querySelector("a").focus(); }
    });
    /* The page came with what an empty filter shows; a filter the browser kept (going back) is applied. */
    if (form.elements.name.value || form.elements.type.value) { apply(); }
  }

  /* Home page: a name box that narrows the list of schools, to at most data-shown of them. The page comes with
   * the first ones in the list; any more are in <noscript id="home-schools-more">. */
  function listFilter(form) {
    var list = document.getElementById(form.getAttribute("data-list-filter"));
    var limit = +form.getAttribute("data-shown");
    var first = Array.prototype.slice.call(list.children), items = null;
    var status = form.querySelector("[role=status]");
    function apply() {
      var name = form.elements.name.value.trim().toLowerCase();
      if (!name) {
        showOnly(list, first);
        status.textContent = "";
        return;
      }
      items = items || first.concat(moreElements(list.id + "-more", "li"));
      var matches = items.filter(function (item) {
        return words(item.querySelector("a")).toLowerCase().indexOf(name) >= 0;
      });
      showOnly(list, matches.slice(0, limit));
      status.textContent = matches.length === 0 ? "No school matches that name." :
        matches.length === 1 ? "1 school matches." : thousands(matches.length) + " schools match" +
        (matches.length > limit ? "; the first " + limit + " are shown: type more of the name." : ".");
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var found = list.querySelector("a");
      if (found) { found.focus(); }
    });
    if (form.elements.name.value) { apply(); }
  }

  /* Comparison pages: a checkbox that hides the services every tier gets alike, and the heading of a group
   * none of whose services differ. */
  function onlyDifferences(checkbox) {
    var holder = checkbox.closest(".only-differences");
    var table = holder.nextElementSibling.querySelector("table");
    function apply() {
      table.querySelectorAll("tr.same").forEach(function (row) { row.hidden = checkbox.checked; });
      table.querySelectorAll("tbody").forEach(function (group) {
        group.hidden = checkbox.checked && !group.querySelector("tr.differs");
      });
    }
    checkbox.addEventListener("change", apply);
    if (checkbox.checked) { apply(); }  /* kept by the browser (going back) */
  }

  /* Comparison pages: the form that leads to the page of a move between two tiers. The list of links after it
   * (<a data-move="core/gold">) works without JavaScript; the form picks one of them. Links shared before moves
   * had pages of their own (?from=core&to=gold) lead to the move's page. */
  function moving(form) {
    var section = form.closest("section") || document.body;
    var status = form.querySelector("[role=status]");
    function link(from, to) {
      return section.querySelector("a[data-move='" + CSS.escape(from + "/" + to) + "']");
    }
    var params = new URLSearchParams(window.location.search);
    var shared = params.get("from") && params.get("to") && link(params.get("from"), params.get("to"));
    if (shared) { window.location.replace(shared.href); return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = link(form.elements.from.value, form.elements.to.value);
      if (chosen) {
        window.location.assign(chosen.href);
      } else {
        status.textContent = "Your school's tier now and the tier you are considering are the same: choose another tier.";
      }
    });
  }

  /* Printing: the date printed (in the print header, overrides/main.html), and links as their words: no
   * address is printed. A link whose words do not name the page it leads to ("the tiers side by side") is
   * followed by that page's name as the navigation gives it (site.css, `data-print-page`), so that a reader of
   * the paper can find it: not links within the page, to the page itself or to a page outside the navigation
   * (a school, a download, another site), nor references to clauses ("section 5.3"), the links of the summary
   * at the top, which read the same on paper, and those of status tags in table cells ("Supported software
   * only"), where a name would run out of its column. */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];
  function printDate() {
    var today = new Date(); /* words made here, not by Intl, whose first use costs a phone tens of milliseconds */
    document.querySelectorAll("[data-print-date]").forEach(function (element) {
      element.textContent = "Printed on " + today.getDate() + " " + MONTHS[today.getMonth()] + " " +
        today.getFullYear() + ".";
    });
  }
  function pageAddress(link) { return link.href.split("#")[0]; }
  function pageNames() {
    var names = {};
    document.querySelectorAll(".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
      if (link.getAttribute("href").charAt(0) !== "#") { names[pageAddress(link)] = words(link); }
    });
    return names;
  }
  window.addEventListener("beforeprint", function () {
    printDate();
    var names = pageNames();
    var here = location.href.split("#")[0];
    document.querySelectorAll("article a[href]").forEach(function (link) {
      var name = names[pageAddress(link)];
      var text = words(link).toLowerCase();
      if (name && pageAddress(link) !== here && text.indexOf(name.toLowerCase()) < 0 &&
          !link.classList.contains("headerlink") && !/^section [0-9.]+$/.test(text) &&
          !link.closest(".page-summary, .status, .edition-notes, .row-note, .tier-section strong, " +
                        ".term-explained, .term-link, .edition-marks, .school-extras, " +
                        ".school-response-times, [data-print-plain]")) {
        link.setAttribute("data-print-page", name);
      }
    });
  });

  /* Response times: when a call must receive attention and when the school hears about progress. The sums are
   * those of macros/sla/deadlines.py (`answer`) and deadline_answers.py (`answer_words`), over the calendar the
   * page carries in <script data-deadline-calendar> (the working hours and days, each priority's target and
   * schedule, and every bank holiday known, worked out when the site was built); tests/test_browser_deadlines.py
   * checks that both give the same answers. Days are numbered from 1 January 1970 in UTC and times are minutes
   * after midnight, so that no time zone or clock change can move a date. */
  var DAY_MS = 86400000;
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function dayNumber(iso) {
    var parts = iso.split("-");
    return Math.round(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / DAY_MS);
  }
  function dayParts(day) {
    var date = new Date(day * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  function isoDay(day) { var p = dayParts(day); return p.year + "-" + pad(p.month) + "-" + pad(p.day); }
  function weekday(day) { return (((day + 3) % 7) + 7) % 7; } /* 1 January 1970 was a Thursday; 0 is Monday */
  function isoMoment(moment) {
    return isoDay(moment.day) + "T" + pad(Math.floor(moment.minute / 60)) + ":" + pad(moment.minute % 60);
  }
  function later(a, b) { return a.day * 1440 + a.minute >= b.day * 1440 + b.minute ? a : b; }

  /* The bank holidays come as {names, days}: in `days`, for each holiday in date order, the days since the one
   * before (the first: since the first known day) and a letter for its name (response.calendar_data). */
  var HOLIDAY_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  function workingCalendar(data) {
    var cal = data.calendar;
    if (data.decoded) { return data.decoded; }
    var holidays = {}, day = dayNumber(cal.known ? cal.known[0] : "1970-01-01");
    cal.holidays.days.replace(/(\d+)([a-zA-Z])/g, function (entry, gap, letter) {
      day += +gap;
      holidays[day] = cal.holidays.names[HOLIDAY_LETTERS.indexOf(letter)];
      return entry;
    });
    var sorted = Object.keys(holidays).map(Number).sort(function (a, b) { return a - b; });
    data.decoded = { start: cal.start, end: cal.end, days: cal.days, holidays: holidays, sorted: sorted,
                     known: cal.known ? cal.known.map(dayNumber) : null, weekdays: cal.weekdays, months: cal.months };
    return data.decoded;
  }
  function isWorkingDay(cal, day) { return cal.days.indexOf(weekday(day)) >= 0 && !(day in cal.holidays); }
  function nextWorkingDay(cal, day) {
    day += 1;
    while (!isWorkingDay(cal, day)) { day += 1; }
    return day;
  }
  function countedFrom(cal, moment) {
    if (isWorkingDay(cal, moment.day) && cal.start <= moment.minute && moment.minute < cal.end) { return moment; }
    var day = moment.day;
    if (!(isWorkingDay(cal, day) && moment.minute < cal.start)) { day = nextWorkingDay(cal, day); }
    return { day: day, minute: cal.start };
  }
  function workingDaysAfter(cal, moment, count) {
    moment = countedFrom(cal, moment);
    var day = moment.day, i;
    if (moment.minute === cal.start) {
      for (i = 0; i < count - 1; i += 1) { day = nextWorkingDay(cal, day); }
      return { day: day, minute: cal.end };
    }
    for (i = 0; i < count; i += 1) { day = nextWorkingDay(cal, day); }
    return { day: day, minute: moment.minute };
  }
  function addMonths(day, count) {
    var p = dayParts(day);
    var months = p.month - 1 + count;
    var year = p.year + Math.floor(months / 12), month = months % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Math.round(Date.UTC(year, month, Math.min(p.day, last)) / DAY_MS);
  }
  function regularUpdate(cal, anchor, count, unit) {
    if (unit === "working-day") { return workingDaysAfter(cal, anchor, count); }
    var day = unit === "month" ? addMonths(anchor.day, count) : anchor.day + count * (unit === "week" ? 7 : 1);
    while (!isWorkingDay(cal, day)) { day += 1; }
    return { day: day, minute: anchor.minute };
  }
  function priorityOf(data, level) {
    var found = data.priorities.filter(function (p) { return p.level === level; })[0];
    if (!found) {
      throw new Error("unknown priority '" + level + "' (valid: " +
                      data.priorities.map(function (p) { return p.level; }).join(", ") + ")");
    }
    return found;
  }
  function timeWords(minute) {
    var hour = Math.floor(minute / 60);
    return ((hour + 11) % 12 + 1) + "." + pad(minute % 60) + " " + (hour < 12 ? "am" : "pm");
  }
  function dateWords(cal, day) {
    var p = dayParts(day);
    return cal.weekdays[weekday(day)] + " " + p.day + " " + cal.months[p.month - 1] + " " + p.year;
  }
  function momentWords(cal, moment) { return timeWords(moment.minute) + " on " + dateWords(cal, moment.day); }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /* deadlines.answer: `raised` is "YYYY-MM-DDTHH:MM"; the moments are kept as {day, minute}. */
  function deadlineAnswer(data, raised, level) {
    var cal = workingCalendar(data);
    var priority = priorityOf(data, level);
    var moment = { day: dayNumber(raised.slice(0, 10)), minute: +raised.slice(11, 13) * 60 + +raised.slice(14, 16) };
    if (cal.known && (moment.day < cal.known[0] || moment.day > cal.known[1])) {
      throw new Error("choose a day from " + dateWords(cal, cal.known[0]) + " to " + dateWords(cal, cal.known[1]) +
                      ": the bank holidays of those days only are known here");
    }
    var found = { level: level, raised: moment, counted_from: null, deadline: null, receipt_update: null,
                  assessment_update: false, updates: [], skipped: [], beyond_known: false };
    var schedule = priority.updates;
    if (!priority.attention_days && !schedule) { return found; }
    var start = countedFrom(cal, moment);
    found.counted_from = start;
    found.deadline = priority.attention_days ? workingDaysAfter(cal, start, priority.attention_days) : null;
    var last = found.deadline ? later(start, found.deadline) : start;
    if (schedule) {
      for (var number = 1; number <= data.shown; number += 1) {
        var update = regularUpdate(cal, found.deadline || start, schedule.every * number, schedule.unit);
        found.updates.push(update);
        last = later(last, update);
      }
      found.receipt_update = schedule.upon_receipt ? start : null;
      found.assessment_update = schedule.after_initial_assessment;
    }
    cal.sorted.forEach(function (day) {
      if (moment.day <= day && day <= last.day && cal.days.indexOf(weekday(day)) >= 0) { found.skipped.push(day); }
    });
    found.beyond_known = Boolean(cal.known && last.day > cal.known[1]);
    return found;
  }
  /* The answer as plain values, as deadlines.Answer.as_json gives it. */
  function answerJson(found) {
    function iso(moment) { return moment ? isoMoment(moment) : null; }
    return { level: found.level, counted_from: iso(found.counted_from), deadline: iso(found.deadline),
             receipt_update: iso(found.receipt_update), assessment_update: found.assessment_update,
             updates: found.updates.map(iso), skipped: found.skipped.map(isoDay), beyond_known: found.beyond_known };
  }
  /* deadline_answers.answer_words: one sentence for the live region, then labelled facts. */
  function deadlineWords(data, found) {
    var cal = workingCalendar(data);
    var priority = priorityOf(data, found.level);
    var name = "Priority " + priority.level + " (" + priority.name + ")";
    if (!found.counted_from) { return { status: name + ": no deadline.", facts: [["Why", [capital(priority.reason)]]] }; }
    var raised = name + ", logged at " + momentWords(cal, found.raised);
    var facts = [], status;
    if (isoMoment(found.counted_from) !== isoMoment(found.raised)) {
      facts.push(["Counted from", [momentWords(cal, found.counted_from) +
                                   ", when working hours next start (the call was logged outside them)"]]);
    }
    if (found.deadline) {
      status = raised + ": attention by " + momentWords(cal, found.deadline) + ".";
      facts.push(["Attention by", [momentWords(cal, found.deadline)]]);
    } else {
      status = raised + ": " + priority.reason;
      facts.push(["Attention", [capital(priority.reason)]]);
    }
    var labels = priority.labels.slice(), updates = [];
    if (found.receipt_update) { updates.push(labels.shift() + ": " + momentWords(cal, found.receipt_update)); }
    if (found.assessment_update) {
      updates.push(labels.shift() + ": the specification gives no time" + (found.deadline ?
        "; the later updates are counted from the attention target, the latest time for it" : ""));
    }
    updates.push(labels[0] + ": " + found.updates.map(function (u) { return momentWords(cal, u); }).join("; ") +
                 "; and so on");
    facts.push(["Updates", updates]);
    var skipped = found.skipped.map(function (day) { return dateWords(cal, day) + " (" + cal.holidays[day] + ")"; });
    facts.push(["Bank holidays not counted", skipped.length ? skipped : ["none in this time"]]);
    if (found.beyond_known && cal.known) {
      facts.push(["Check", ["The bank holidays after " + dateWords(cal, cal.known[1]) +
                            " are not known here, so a later date above may need to move to the next working day."]]);
    }
    return { status: status, facts: facts };
  }
  /* For the tests and for anyone scripting the page: the same answers as `python -m macros.sla deadline`. */
  window.slaDeadlines = {
    answer: function (data, raised, level) { return answerJson(deadlineAnswer(data, raised, level)); },
    words: function (data, raised, level) { return deadlineWords(data, deadlineAnswer(data, raised, level)); }
  };

  /* The calculator's form: hidden without JavaScript, when the worked examples stand in for it. */
  function deadlines(section) {
    var form = section.querySelector("form[data-deadline-form]");
    var data = JSON.parse(section.querySelector("script[data-deadline-calendar]").textContent);
    var status = form.querySelector("[data-deadline-status]");
    var answer = form.querySelector("[data-deadline-answer]");
    function element(tag, text, className) {
      var node = document.createElement(tag);
      if (text) { node.textContent = text; }
      if (className) { node.className = className; }
      return node;
    }
    function show(raised, level) {
      var words = deadlineWords(data, deadlineAnswer(data, raised, level));
      var priority = priorityOf(data, level);
      answer.textContent = "";
      var facts = answer.appendChild(element("dl", "", "deadline-facts"));
      words.facts.forEach(function (fact) {
        var row = facts.appendChild(element("div"));
        row.appendChild(element("dt", fact[0]));
        fact[1].forEach(function (line) { row.appendChild(element("dd", line)); });
      });
      answer.appendChild(element("p", "What priority " + priority.level + " (" + priority.name + ") means:",
                                 "deadline-definition-heading"));
      if (priority.definition.length === 1) {
        answer.appendChild(element("p", priority.definition[0]));
      } else {
        var list = answer.appendChild(element("ul"));
        priority.definition.forEach(function (text) { list.appendChild(element("li", text)); });
      }
      answer.hidden = false;
      return words.status;
    }
    function apply(asked) {
      var date = form.elements.date.value, time = form.elements.time.value.slice(0, 5);
      var level = form.elements.priority.value;
      var missing = [];
      if (!date) { missing.push("the date"); }
      if (!time) { missing.push("the time"); }
      if (!level) { missing.push("the priority"); }
      answer.hidden = true;
      if (missing.length) {
        if (asked) {
          status.textContent = "Choose " + (missing.length > 1 ? missing.slice(0, -1).join(", ") + " and " : "") +
            missing[missing.length - 1] + " of the call.";
        }
        return;
      }
      try {
        status.textContent = show(date + "T" + time, +level);
      } catch (error) {
        status.textContent = capital(error.message) + ".";
      }
    }
    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    apply(false);  /* a call chosen before this script started (or kept by the browser), answered now */
  }

  /* Narrow screens: Material's navigation drawer, and the panels within it, open from the labels of checkboxes (CSS
   * alone, which works without JavaScript), which the keyboard cannot reach. The header's menu label becomes a
   * button (the same look, site.css), which says whether the drawer is open (aria-expanded); opened from the
   * keyboard, the drawer takes the focus, and Escape closes it and gives the focus back. The panels' titles, which
   * lead back, take the focus and Enter or Space as Material's labels that open a panel do. (site.css keeps the
   * closed drawer, and the closed panels, out of the tab order.) */
  function shown(element) {
    return element.getClientRects().length > 0 && window.getComputedStyle(element).visibility === "visible";
  }
  function drawer(label) {
    var toggle = document.getElementById(label.htmlFor);
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !sidebar) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-drawer-button", "");
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) { button.appendChild(label.firstChild); }
    label.replaceWith(button);
    function expanded() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    button.addEventListener("click", function (event) {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      if (toggle.checked && event.detail === 0) {  /* from the keyboard */
        var first = Array.prototype.filter.call(sidebar.querySelectorAll("a[href], [tabindex='0']"), shown)[0];
        if (first) { first.focus(); }
      }
    });
    toggle.addEventListener("change", expanded);
    sidebar.querySelectorAll("label.md-nav__title[for]:not([for='__drawer']), label.md-nav__link[for='__toc']")
      .forEach(function (title) {
        title.tabIndex = 0;
        title.addEventListener("keydown", function (event) {
          if (event.key !== "Enter" && event.key !== " ") { return; }
          event.preventDefault();
          event.stopPropagation();  /* Material's own Enter on a label would press it a second time */
          title.click();
        });
      });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) { return; }
      toggle.checked = false;
      expanded();
      button.focus();
    });
    expanded();
  }

  /* The planner's script (planner.js, beside this one), on the pages that need it: a planner, or the window for
   * orders on the home page. */
  var scriptAddress = document.currentScript ? document.currentScript.src : "";
  function planner() {
    if (!scriptAddress || !document.querySelector("[data-planner], [data-plan-window]")) { return; }
    var script = document.createElement("script");
    script.src = scriptAddress.replace(/site\.js(\?.*)?$/, "planner.js");
    document.body.appendChild(script);
  }

  function start() {
    document.querySelectorAll("table[data-tier-pages]").forEach(tierLinks);
    document.querySelectorAll("form[data-school-filter]").forEach(schoolFilter);
    document.querySelectorAll("form[data-list-filter]").forEach(listFilter);
    printDate();
    document.querySelectorAll("input[data-only-differences]").forEach(onlyDifferences);
    document.querySelectorAll("form[data-move-form]").forEach(moving);
    document.querySelectorAll("[data-deadlines]").forEach(deadlines);
    document.querySelectorAll("label.md-header__button[for='__drawer']").forEach(drawer);
    planner();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
