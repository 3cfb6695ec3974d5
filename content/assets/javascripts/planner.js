/* Plan next year (plan_page.html, macros/sla/plan_page.py): asked for by site.js on a planner page only.
 *
 * planAnswer and orderOf do the sums of macros/sla/planner.py (`plan`, `order`) over the JSON the page carries,
 * and orderCsv and orderText word the order as `order_csv` and `order_text` do; tests/test_browser_planner.py
 * checks that the two agree on every combination a school type allows. Amounts are whole pence. */
(function () {
  "use strict";
  var NONE = "none", MODULES = "modules", LEAVE = "leave", NEW = "new";
  var SUBSCRIPTION = "subscription", AS_USED = "as-used";
  var PAID_WORDS = { "subscription": "Annual subscription", "as-used": "Pay as you use", "not-stated": "Not stated" };
  var LEAVE_WORDS = "No tier: leave these services", NEW_WORDS = "None: new to these services";
  // The specification's notice (5.3) is to end the agreement; for a move to a lower tier, what the site says of
  // it comes with the data (planner.py, lowerTierNotice), as the move pages and the paper order say it.
  function noticeWords(data, leaving, noticeBy) {
    if (!leaving) { return data.lowerTierNotice; }
    return noticeBy ? "Give notice in writing by " + dateWords(noticeBy) + "." :
      "The council has not yet published the last day for notice this year; ask the ICT Service Desk.";
  }
  var CSV_COLUMNS = ["School", "Financial year", "Item", "How it is paid", "Price (£)"];
  var FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];

  function sum(values) { return values.reduce(function (total, value) { return total + value; }, 0); }

  /* -- the sums (planner.py `plan`) -------------------------------------------------------------------------- */

  function pricedLine(service, item) {
    return { name: service.title + ": " + item.name, paid: service.paid, pence: item.pence, kind: "priced" };
  }
  function cheaper(service, modules) {
    var whole = service.whole.reduce(function (best, item) { return item.pence < best.pence ? item : best; });
    var which = modules === whole.pence ? "same" : modules < whole.pence ? "modules" : "whole";
    return { service: service.title, modules: modules, whole: whole.pence, wholeName: whole.name, cheaper: which,
             by: Math.abs(modules - whole.pence) };
  }
  function changesFor(found, yhgfl) {
    if (yhgfl === null || yhgfl === undefined) { return found; }
    return found.filter(function (change) { return change.who === null || change.who === yhgfl; })
      .map(function (change) { return { kind: change.kind, group: change.group, service: change.service, who: null }; });
  }
  function difference(tiers, current, chosen) {
    var was = current in tiers ? tiers[current].pence : 0, willBe = chosen in tiers ? tiers[chosen].pence : 0;
    return was === null || willBe === null ? null : willBe - was;
  }
  function planAnswer(data, choice) {
    var tiers = {}, order = data.tiers.map(function (tier) { tiers[tier.id] = tier; return tier.id; });
    var current = choice.current, chosen = choice.tier, lines = [], cheap = [];
    if (chosen !== LEAVE) {
      lines.push({ name: tiers[chosen].name + " (" + data.schoolType.name + ")", paid: SUBSCRIPTION,
                   pence: tiers[chosen].pence, kind: "tier" });
    }
    data.priced.forEach(function (service) {
      var way = choice.priced[service.id] || NONE;
      if (way === MODULES) {
        var ticked = choice.modules[service.id] || [];
        var modules = service.modules.filter(function (item) { return ticked.indexOf(item.id) >= 0; });
        modules.forEach(function (item) { lines.push(pricedLine(service, item)); });
        if (modules.length && service.whole.length) {
          cheap.push(cheaper(service, sum(modules.map(function (item) { return item.pence; }))));
        }
      } else if (way !== NONE) {
        service.whole.forEach(function (item) { if (item.id === way) { lines.push(pricedLine(service, item)); } });
      }
    });
    data.offers.forEach(function (offer) {
      if (choice.offers.indexOf(offer.id) >= 0) {
        lines.push({ name: offer.title, paid: offer.paid, pence: null, kind: "offer" });
      }
    });
    var move = Object.prototype.hasOwnProperty.call(data.moves, current + ">" + chosen) ?
      data.moves[current + ">" + chosen] : null;
    var down = chosen === LEAVE || (current in tiers && order.indexOf(chosen) < order.indexOf(current));
    return {
      lines: lines,
      total: sum(lines.filter(function (line) { return line.pence !== null; }).map(function (line) { return line.pence; })),
      toBeNotified: lines.filter(function (line) { return line.pence === null; }).map(function (line) { return line.name; }),
      cheaper: cheap,
      commitment: chosen !== LEAVE && chosen !== current,
      notice: current !== NEW && down,
      noticeBy: current !== NEW && down ? data.noticeBy : null,
      difference: difference(tiers, current, chosen),
      changes: move ? changesFor(move.changes, choice.yhgfl) : [],
      moveHref: move ? move.href : null,
      paid: [SUBSCRIPTION, AS_USED].filter(function (way) {
        return lines.some(function (line) { return line.paid === way; });
      })
    };
  }

  /* -- the order (planner.py `order`, `order_csv`, `order_text`) --------------------------------------------- */

  function pounds(pence) {
    if (pence === null) { return null; }
    var part = pence % 100;
    return Math.floor(pence / 100) + "." + (part < 10 ? "0" : "") + part;
  }
  function thousands(number) { return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function moneyText(price) {
    if (price === null) { return "to be notified"; }
    var parts = price.split(".");
    return "£" + thousands(parts[0]) + "." + parts[1];
  }
  function orderOf(data, choice, school) {
    var answer = planAnswer(data, choice), tiers = {};
    data.tiers.forEach(function (tier) { tiers[tier.id] = tier.name; });
    return {
      council: data.council,
      financialYear: data.financialYear,
      schoolType: data.schoolType.name,
      school: school ? { name: school.name, yhgfl: school.yhgfl, pcs: school.pcs } : null,
      currentTier: tiers[choice.current] || NEW_WORDS,
      tier: tiers[choice.tier] || LEAVE_WORDS,
      lines: answer.lines.map(function (line) {
        return { item: line.name, paid: PAID_WORDS[line.paid], price: pounds(line.pence) };
      }),
      total: pounds(answer.total),
      toBeNotified: answer.toBeNotified,
      commitment: answer.commitment,
      notice: answer.notice,
      noticeBy: answer.noticeBy
    };
  }
  function spreadsheetText(value) {
    var formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    return formula && !/^-?[0-9]+(\.[0-9]+)?$/.test(value) ? "'" + value : value;
  }
  function csvCell(value) { return /[",\r\n]/.test(value) ? "\"" + value.replace(/"/g, "\"\"") + "\"" : value; }
  function orderCsv(found) {
    var name = found.school ? found.school.name : "";
    var rows = found.lines.map(function (line) {
      return [name, found.financialYear, line.item, line.paid, line.price || "To be notified"];
    });
    rows.push([name, found.financialYear, "Total of known prices", "", found.total]);
    return [CSV_COLUMNS].concat(rows.map(function (row) { return row.map(spreadsheetText); }))
      .map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function orderText(found) {
    var lines = ["Order for " + found.financialYear + ": " + found.schoolType,
                 "School: " + (found.school ? found.school.name : "not listed (give its name)"),
                 "Tier this year: " + found.currentTier, "Tier for " + found.financialYear + ": " + found.tier, ""];
    found.lines.forEach(function (line) {
      lines.push("- " + line.item + " (" + line.paid + "): " + moneyText(line.price));
    });
    lines.push("", "Total of known prices: " + moneyText(found.total));
    if (found.toBeNotified.length) { lines.push("Prices still to be notified: " + found.toBeNotified.join("; ")); }
    return lines.join("\n") + "\n";
  }

  window.slaPlanner = { answer: planAnswer, order: orderOf, csv: orderCsv, text: orderText };

  /* -- the page ---------------------------------------------------------------------------------------------- */

  function money(pence) {
    var part = pence % 100;
    return "£" + thousands(Math.floor(pence / 100)) + (part ? "." + (part < 10 ? "0" : "") + part : "");
  }
  function dateWords(iso) {
    var parts = iso.split("-");
    return (+parts[2]) + " " + MONTHS[+parts[1] - 1] + " " + parts[0];
  }
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
  }
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function row(list, key, lines) {
    var item = list.appendChild(element("div", "", "summary-list-row"));
    item.appendChild(element("dt", key));
    var value = item.appendChild(element("dd"));
    lines.forEach(function (line) { value.appendChild(typeof line === "string" ? element("p", line) : line); });
    return item;
  }
  function bullets(texts) {
    var list = element("ul");
    texts.forEach(function (text) { list.appendChild(element("li", text)); });
    return list;
  }
  function link(href, text) {
    var node = element("a", text);
    node.href = href;
    return node;
  }
  function statement(data, key) {
    var found = data.words[key];
    return found ? found.text + " (section " + found.clause + ")" : null;
  }

  /* The window for orders (plan_page.html, home page): what the reader's own date makes of it. */
  function orderingWindow(note) {
    var opens = note.getAttribute("data-opens"), closes = note.getAttribute("data-closes");
    var year = note.getAttribute("data-year"), now = today();
    if (!opens || !closes) { return; }
    if (now < opens) {
      note.textContent = "Orders for " + year + " open on " + dateWords(opens) + " and close on " + dateWords(closes) + ".";
    } else if (now <= closes) {
      note.textContent = "Orders for " + year + " are open until " + dateWords(closes) + ".";
    } else {
      note.textContent = "Orders for " + year + " closed on " + dateWords(closes) + ".";
    }
    note.hidden = note.hasAttribute("data-while-open") && (now < opens || now > closes);
  }

  function planner(root) {
    var data = JSON.parse(root.querySelector("script[data-planner-data]").textContent);
    var form = root.querySelector("form[data-planner-form]");
    var status = root.querySelector("[data-plan-status]");
    var answerBox = root.querySelector("[data-plan-answer]");
    var orderBox = root.querySelector("[data-plan-order]");
    var terms = root.querySelector("[data-plan-terms]");
    var schools = {};
    data.schools.forEach(function (school) { schools[school.slug] = school; });
    var tierNames = {};
    data.tiers.forEach(function (tier) { tierNames[tier.id] = tier.name; });

    function choice() {
      var yhgfl = form.elements.yhgfl.value;
      var picked = { current: form.elements.current.value, tier: form.elements.tier.value,
                     yhgfl: yhgfl === "yes" ? true : yhgfl === "no" ? false : null, priced: {}, modules: {}, offers: [] };
      data.priced.forEach(function (service) {
        picked.priced[service.id] = form.elements[service.id].value;
        picked.modules[service.id] = Array.prototype.filter.call(
          form.querySelectorAll("input[name='" + service.id + "-module']"), function (box) { return box.checked; })
          .map(function (box) { return box.value; });
      });
      picked.offers = Array.prototype.filter.call(form.querySelectorAll("input[name='offers']"),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
      return picked;
    }
    function tierWords(id) {
      if (id === LEAVE) { return "No tier: you would leave these services"; }
      var tier = data.tiers.filter(function (t) { return t.id === id; })[0];
      if (tier.noAdditionalCost) { return tier.name + ": no additional cost"; }
      return tier.name + ": " + (tier.pence === null ? "additional cost, price to be notified" : money(tier.pence) + " a year");
    }
    function cheaperWords(found) {
      var modules = money(found.modules), whole = found.wholeName + " at " + money(found.whole);
      if (found.cheaper === "same") { return found.service + ": the modules ticked cost " + modules + ", the same as " + whole + "."; }
      if (found.cheaper === "modules") {
        return found.service + ": the modules ticked cost " + modules + ", " + money(found.by) + " less than " + whole + ".";
      }
      return found.service + ": the modules ticked cost " + modules + "; " + whole + " is " + money(found.by) +
        " cheaper.";
    }
    function changeList(answer, picked) {
      var words = { gained: tierNames[picked.tier] + " adds", lost: "You would lose", changed: "Other changes" };
      var nodes = [];
      ["gained", "lost", "changed"].forEach(function (kind) {
        var found = answer.changes.filter(function (change) { return change.kind === kind; });
        if (!found.length) { return; }
        nodes.push(element("p", words[kind] + ":"));
        nodes.push(bullets(found.map(function (change) {
          var who = change.who === true ? " (YHGFL schools only)" : change.who === false ? " (schools that are not YHGFL schools only)" : "";
          return change.group + ": " + change.service + who;
        })));
      });
      if (!nodes.length) { nodes.push(element("p", "The inclusion table gives both tiers the same services.")); }
      if (answer.moveHref) {
        var more = element("p");
        more.appendChild(link(answer.moveHref, "Everything that changes from " + tierNames[picked.current] + " to " + tierNames[picked.tier]));
        nodes.push(more);
      }
      return nodes;
    }
    function differenceWords(picked, answer) {
      var pence = {};
      data.tiers.forEach(function (tier) { pence[tier.id] = tier.pence; });
      var unknown = [picked.current, picked.tier].filter(function (id) { return id in pence && pence[id] === null; })
        .map(function (id) { return tierNames[id]; });
      if (answer.difference === null) {
        return "Not known yet: the price of " + unknown.join(" and of ") + " for " +
          data.schoolType.name.toLowerCase() + " is still to be notified.";
      }
      if (picked.current === picked.tier) { return "The same tier as this year: no change in its cost."; }
      if (picked.current === NEW) {
        return tierNames[picked.tier] + ": " + (answer.difference ? money(answer.difference) + " a year" :
                                                "no additional cost") + ".";
      }
      if (picked.tier === LEAVE) {
        return "Leaving " + tierNames[picked.current] + ": " + (answer.difference ? money(-answer.difference) +
          " a year less" : "it comes at no additional cost") + ".";
      }
      if (answer.difference === 0) {
        return tierNames[picked.tier] + " costs the same as " + tierNames[picked.current] +
          (pence[picked.tier] ? " (" + money(pence[picked.tier]) + " a year)." : ": both at no additional cost.");
      }
      return tierNames[picked.tier] + " costs " + money(Math.abs(answer.difference)) + " a year " +
        (answer.difference > 0 ? "more" : "less") + " than " + tierNames[picked.current] + ".";
    }
    function lineWords(line) {
      return line.name + ": " + (line.pence === null ? "price to be notified" : money(line.pence) + (line.paid === SUBSCRIPTION ? " a year" : ""));
    }
    function showAnswer(picked, answer) {
      answerBox.textContent = "";
      var list = answerBox.appendChild(element("dl", "", "summary-list"));
      row(list, "Tier for " + data.financialYear, [tierWords(picked.tier)]);
      row(list, "Cost against this year", [differenceWords(picked, answer)]);
      row(list, "What you would buy", answer.lines.length ? [bullets(answer.lines.map(lineWords))] : ["Nothing"]);
      var total = [money(answer.total) + " a year, of the prices known"];
      if (answer.toBeNotified.length) {
        total.push("Not counted, because their prices are still to be notified: " + answer.toBeNotified.join("; ") + ".");
      }
      row(list, "Total of known prices", total);
      if (answer.cheaper.length) { row(list, "Which is cheaper", answer.cheaper.map(cheaperWords)); }
      if (picked.current !== NEW && picked.tier !== LEAVE && picked.current !== picked.tier) {
        row(list, "What changes", changeList(answer, picked));
      }
      if (answer.commitment) {
        row(list, "Commitment", [picked.current === NEW ? "Your school would be contracting for the first time." :
                                 "Your school would be changing the level of its contract.", statement(data, "commitment")]);
      }
      if (answer.notice) {
        row(list, "Notice", [statement(data, "notice"), noticeWords(data, picked.tier === LEAVE, answer.noticeBy)]);
      }
      var paid = answer.paid.map(function (way) { return statement(data, way === SUBSCRIPTION ? "subscription" : "asUsed"); })
        .filter(Boolean);
      if (paid.length) { row(list, "Invoices", paid); }
      status.textContent = tierWords(picked.tier) + ". Known prices: " + money(answer.total) + " a year" +
        (answer.toBeNotified.length ? "; " + answer.toBeNotified.length + " still to be notified." : ".");
    }
    function showOrder(picked, found) {
      orderBox.textContent = "";
      orderBox.appendChild(element("h2", "Order for " + found.financialYear + ": " + found.council));
      var facts = orderBox.appendChild(element("dl", "", "summary-list"));
      row(facts, "School", [found.school ? found.school.name : "Not listed: name"]);
      row(facts, "School type", [found.schoolType]);
      if (found.school) {
        row(facts, "YHGFL school", [found.school.yhgfl ? "Yes" : "No"]);
        row(facts, "PCs or laptops with access to SIMS", [String(found.school.pcs)]);
      }
      row(facts, "Tier this year", [found.currentTier]);
      row(facts, "Tier for " + found.financialYear, [found.tier]);
      var table = orderBox.appendChild(element("table", "", "plan-order-table"));
      var head = table.appendChild(element("thead")).appendChild(element("tr"));
      ["Item", "How it is paid", "Price a year"].forEach(function (words) {
        var cell = head.appendChild(element("th", words));
        cell.scope = "col";
      });
      var body = table.appendChild(element("tbody"));
      found.lines.forEach(function (line) {
        var tr = body.appendChild(element("tr"));
        tr.appendChild(element("td", line.item));
        tr.appendChild(element("td", line.paid));
        tr.appendChild(element("td", moneyText(line.price)));
      });
      var total = body.appendChild(element("tr", "", "plan-order-total"));
      total.appendChild(element("td", "Total of known prices")).colSpan = 2;
      total.appendChild(element("td", moneyText(found.total)));
      if (found.toBeNotified.length) {
        orderBox.appendChild(element("p", "Prices still to be notified, not in the total: " + found.toBeNotified.join("; ") + "."));
      }
      if (found.commitment) { orderBox.appendChild(element("p", "This order starts or changes the level of the contract: the commitment below applies.")); }
      if (found.notice) {
        orderBox.appendChild(element("p", picked.tier === LEAVE ?
          "This order leaves these services: the notice below applies" + (found.noticeBy ? ", by " + dateWords(found.noticeBy) + "." : ".") :
          "This order moves to a lower tier. " + data.lowerTierNotice));
      }
      orderBox.appendChild(terms.cloneNode(true));
    }
    function update() {
      var picked = choice();
      var school = Object.prototype.hasOwnProperty.call(schools, form.elements.school.value) ?
        schools[form.elements.school.value] : null;
      var answer = planAnswer(data, picked), found = orderOf(data, picked, school);
      root.querySelectorAll("fieldset.plan-modules").forEach(function (set) {
        set.disabled = form.elements[set.id.replace(/^plan-/, "").replace(/-module-list$/, "")].value !== MODULES;
      });
      showAnswer(picked, answer);
      showOrder(picked, found);
      var csv = root.querySelector("[data-plan-csv]"), json = root.querySelector("[data-plan-json]");
      var name = "order-" + data.financialYear.replace("/", "-") + "-" + (school ? school.slug : data.schoolType.id);
      csv.href = "data:text/csv;charset=utf-8," + encodeURIComponent("\ufeff" + orderCsv(found));
      csv.download = name + ".csv";
      json.href = "data:application/json;charset=utf-8," + encodeURIComponent(JSON.stringify(found, null, 2) + "\n");
      json.download = name + ".json";
      var mail = root.querySelector("[data-plan-email]");
      if (mail && data.sendTo.email) {
        mail.href = "mailto:" + data.sendTo.email + "?subject=" + encodeURIComponent("Order for " + data.financialYear +
          ": " + (school ? school.name : data.schoolType.name)) + "&body=" + encodeURIComponent(orderText(found));
      }
    }
    function fromSchool() {
      if (!Object.prototype.hasOwnProperty.call(schools, form.elements.school.value)) { return; }
      var school = schools[form.elements.school.value];
      form.elements.current.value = school.tier;
      form.elements.yhgfl.value = school.yhgfl ? "yes" : "no";
      form.elements.tier.value = school.tier;
    }
    form.elements.school.addEventListener("change", fromSchool);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {  /* the plan is already shown: take the reader to it */
      event.preventDefault();
      update();
      document.getElementById("plan-answer-heading").focus();
    });
    root.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
    /* A link may choose for the reader: a school (its page), a tier for next year (a tier's page), or this year's
     * tier and next year's (a move's page). A value the form does not have is left out. */
    var asked = new URLSearchParams(window.location.search);
    function own(map, key) { return key !== null && Object.prototype.hasOwnProperty.call(map, key); }
    if (own(schools, asked.get("school"))) {
      form.elements.school.value = asked.get("school");
      fromSchool();
    }
    if (own(tierNames, asked.get("current"))) { form.elements.current.value = asked.get("current"); }
    if (own(tierNames, asked.get("tier"))) { form.elements.tier.value = asked.get("tier"); }
    update();
  }

  document.querySelectorAll("[data-plan-window]").forEach(orderingWindow);
  document.querySelectorAll("[data-planner]").forEach(planner);
})();
