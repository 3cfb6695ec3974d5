"""The response-times page in the built site, read from its HTML: "When will you respond?" answers first (the target
times, whom to call), then the calculator, the worked examples that stand in for it without JavaScript and the bank
holidays; the holidays it carries, worked out at build time; the pages that link to it instead of carrying it.

In Chromium (the same answers as Python, by keyboard, axe): test_browser_deadlines.py.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup

from built_pages import read_page

pytestmark = pytest.mark.build

RESPONSE_PAGE = "response-times/index.html"
SPECIFICATION_PAGE = "specification/service-standards/index.html"
TYPE_PAGES = ["entitlement/primary/index.html", "entitlement/primary-formerly-gm/index.html",
              "entitlement/secondary/index.html", "entitlement/secondary-formerly-gm/index.html"]
LINK = "When will you respond? Work out the date for a call"


def soup_of(built_site, path: str) -> BeautifulSoup:
    return read_page(built_site / path)


def text(element) -> str:
    return " ".join(element.get_text().split())


def calculator(built_site, path: str):
    sections = soup_of(built_site, path).select("section[data-deadlines]")
    assert len(sections) == 1
    return sections[0]


def test_the_page_answers_first_and_prints_who_and_when(built_site):
    page = soup_of(built_site, RESPONSE_PAGE)
    article = page.select_one("article")
    assert text(article.h1) == "When will you respond?¶"
    assert [text(h2) for h2 in article.select("h2[id]")] == [
        "Target times by priority¶", "Whom to call¶", "When must my call receive attention?¶", "Worked examples¶",
        "Questions schools ask¶", "Bank holidays¶"]
    header = page.select_one(".md-banner .print-header")  # who and when on paper: the print header of every page
    assert text(header).startswith("Calderdale Metropolitan Borough Council: Traded services: ICT and information "
                                   "management. For the financial year 2008/09. Site built on ")
    assert header.select_one("[data-print-date]") is not None
    assert [text(li) for li in article.select(".response-targets li")] == [
        "Priority 1 (Critical): Ranks highest and above all other ICT Support Team activity.",
        "Priority 2 (High): attention within 1 working day", "Priority 3 (Medium): attention within 2 working days",
        "Priority 4 (Low): attention within 5 working days"]
    targets = article.find(id="target-times").find_next("div", class_="response-times")
    assert text(targets).startswith("For general enquiries Performance Support and ICT Services will endeavour")
    assert "Will receive attention within 1 working day." in text(targets)
    assert ("Primary schools: Gold, Platinum and Platinum+ have pre-determined response times, as the site reads "
            "the specification (section 3.2.5; which tiers have them). The specification does not say whether Core "
            "has them"
            ) in text(targets)
    assert ("Secondary schools: Silver and Platinum have pre-determined response times, as the site reads the "
            "specification") in text(targets)
    assert text(targets.select_one(".clause-ref")) == "In the specification: section 3.2.5."
    whom = article.find(id="whom-to-call").find_next("div")
    assert text(whom).startswith("Report faults and ask questions to the ICT Service Desk.")
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "When a call to the ICT Service Desk must receive attention in 2008/09: the target time of each priority, "
        "whom to call, and a calculator that works out the date…")
    # On paper every link of the page reads as its words, without an address (site.js skips `data-print-plain`).
    assert [a["href"] for a in article.select("a[href]") if not a.find_parent(attrs={"data-print-plain": True})
            and "headerlink" not in a.get("class", [])] == []


def test_the_calculator_is_a_labelled_form_hidden_until_javascript_shows_it(built_site):
    section = calculator(built_site, RESPONSE_PAGE)
    form = section.select_one("form[data-deadline-form]")
    assert "js-only" in form["class"]  # hidden without JavaScript by site.css (`.no-js .js-only`)
    fields = {label.get_text(" ", strip=True): section.find(id=label["for"]) for label in form.find_all("label")}
    assert {name: (field.name, field.get("type")) for name, field in fields.items()} == {
        "Date the call was logged": ("input", "date"), "Time it was logged": ("input", "time"),
        "Priority": ("select", None)}
    assert (fields["Date the call was logged"]["min"], fields["Date the call was logged"]["max"]) == (
        "1872-01-01", "2100-12-31")
    assert [option.get_text() for option in fields["Priority"].find_all("option")] == [
        "Choose a priority", "1. Critical", "2. High", "3. Medium", "4. Low", "5. Hold", "6. Waiting for school"]
    status = form.select_one("[role=status]")
    assert status["aria-live"] == "polite"
    assert form.find("button", type="submit").get_text() == "Show the dates"


def holidays_of(data: dict) -> dict[str, str]:
    """The bank holidays the page carries, read as site.js reads them: for each, the days since the one before
    (the first: since the first known day) and a letter for its name."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    calendar = data["calendar"]
    current, found = datetime.date.fromisoformat(calendar["known"][0]), {}
    for gap, letter in re.findall(r"(\d+)([a-zA-Z])", calendar["holidays"]["days"]):
        current += datetime.timedelta(days=int(gap))
        found[current.isoformat()] = calendar["holidays"]["names"][letters.index(letter)]
    return found


def test_the_page_carries_every_known_bank_holiday_compactly(built_site):
    script = calculator(built_site, RESPONSE_PAGE).select_one("script[data-deadline-calendar]").string
    data = json.loads(script)
    calendar = data["calendar"]
    assert (calendar["start"], calendar["end"], calendar["days"], calendar["known"]) == (
        510, 1020, [0, 1, 2, 3, 4], ["1872-01-01", "2100-12-31"])
    holidays = holidays_of(data)
    assert list(holidays.items())[:3] == [("1872-03-29", "Good Friday"), ("1872-04-01", "Easter Monday"),
                                          ("1872-05-20", "Pentecost Monday")]
    assert list(holidays.items())[-2:] == [("2100-12-27", "Christmas Day (observed)"),
                                           ("2100-12-28", "Boxing Day (observed)")]
    assert holidays["2008-08-25"] == "Late Summer Bank Holiday"
    assert holidays["2009-04-10"] == "Good Friday"
    assert holidays["2009-12-28"] == "Boxing Day (observed)"
    assert holidays["1977-06-07"] == "Silver Jubilee of Elizabeth II"
    assert holidays["2022-06-03"] == "Platinum Jubilee of Elizabeth II"
    assert holidays["2022-09-19"] == "State Funeral of Queen Elizabeth II"
    assert holidays["2026-12-28"] == "Boxing Day (observed)"
    assert len(holidays) == 1699
    assert [(p["level"], p["attention_days"], p["updates"] and p["updates"]["unit"]) for p in data["priorities"]] == [
        (1, None, "working-day"), (2, 1, "working-day"), (3, 2, "week"), (4, 5, "month"), (5, None, None),
        (6, None, None)]
    assert "http" not in script
    assert len(script.encode()) < 10_000  # the 1,699 holidays as ISO dates and names would take 55 KB


def test_worked_examples_answer_without_javascript(built_site):
    examples = soup_of(built_site, RESPONSE_PAGE).select("li.deadline-example")
    assert [(example["data-raised"], example["data-level"]) for example in examples] == [
        ("2008-08-22T16:45", "2"), ("2008-08-23T10:00", "1"), ("2008-12-24T16:45", "4"), ("2009-04-09T15:00", "3"),
        ("2009-03-31T14:00", "4")]
    friday = examples[0]
    assert text(friday.select_one(".deadline-example-case")) == (
        "4.45 pm on the working day before the Late Summer Bank Holiday")
    assert text(friday.select_one(".deadline-example-status")) == (
        "Priority 2 (High), logged at 4.45 pm on Friday 22 August 2008: attention by 4.45 pm on Tuesday 26 August "
        "2008.")
    easter = {text(row.dt): [text(dd) for dd in row.find_all("dd")] for row in examples[3].select("dl > div")}
    assert easter["Attention by"] == ["3.00 pm on Wednesday 15 April 2009"]
    assert easter["Bank holidays not counted"] == [
        "Friday 10 April 2009 (Good Friday)", "Monday 13 April 2009 (Easter Monday)", "Monday 4 May 2009 (May Day)"]
    saturday = {text(row.dt): [text(dd) for dd in row.find_all("dd")] for row in examples[1].select("dl > div")}
    assert saturday["Counted from"] == [
        "8.30 am on Tuesday 26 August 2008, when working hours next start (the call was logged outside them)"]
    assert saturday["Updates"] == ["Daily, while unresolved: 5.00 pm on Tuesday 26 August 2008; 5.00 pm on Wednesday "
                                   "27 August 2008; 5.00 pm on Thursday 28 August 2008; and so on"]


def test_the_bank_holidays_of_the_financial_year_on_the_response_page(built_site):
    tables = soup_of(built_site, RESPONSE_PAGE).select(".bank-holidays table")
    rows = {text(table.caption): [(text(tr.th), text(tr.td)) for tr in table.select("tbody tr")] for table in tables}
    assert rows == {
        "Bank holidays in England, financial year 2008/09": [
            ("Monday 5 May 2008", "May Day"), ("Monday 26 May 2008", "Spring Bank Holiday"),
            ("Monday 25 August 2008", "Late Summer Bank Holiday"), ("Thursday 25 December 2008", "Christmas Day"),
            ("Friday 26 December 2008", "Boxing Day"), ("Thursday 1 January 2009", "New Year's Day")],
        "Bank holidays in England, financial year 2009/10": [
            ("Friday 10 April 2009", "Good Friday"), ("Monday 13 April 2009", "Easter Monday"),
            ("Monday 4 May 2009", "May Day"), ("Monday 25 May 2009", "Spring Bank Holiday"),
            ("Monday 31 August 2009", "Late Summer Bank Holiday"), ("Friday 25 December 2009", "Christmas Day"),
            ("Monday 28 December 2009", "Boxing Day (observed)"), ("Friday 1 January 2010", "New Year's Day")]}


@pytest.mark.parametrize("path", TYPE_PAGES)
def test_school_type_pages_show_the_response_times_and_link_to_the_page(built_site, path):
    page = soup_of(built_site, path)
    assert page.select("[data-deadlines], .deadline-example, script[data-deadline-calendar]") == []
    times = page.find(id="response-standards").find_next("div", class_="response-times")
    assert "Will receive attention within 2 working days." in text(times)
    assert "pre-determined response times, as the site reads the specification" in text(times)
    link = times.select_one(".response-times-link a")
    assert (text(link), link["href"]) == (LINK, "../../response-times/")


def test_the_specification_links_to_the_page_instead_of_carrying_the_calculator(built_site):
    page = soup_of(built_site, SPECIFICATION_PAGE)
    assert page.select("[data-deadlines], .deadline-example, script[data-deadline-calendar]") == []
    link = page.select_one(".response-times-link a")
    assert (text(link), link["href"]) == (LINK, "../../response-times/")
    assert page.find(id="priority-1") is not None  # the response standards stay with the specification


def test_the_plain_answers_around_the_calculator(built_site):
    section = soup_of(built_site, RESPONSE_PAGE).select_one("article")
    said = text(section)
    assert "The target times count working days: 8.30 am to 5.00 pm, Monday to Friday." in said
    assert "Report faults and ask questions to the ICT Service Desk." in said
    assert ("\u201cSignificant elements of the services are largely reactive and target response times are detailed "
            "for these in section 3.2.5. The actual response time will depend in part on the level of service "
            "selected, the level of demand at the time and complexity of the requirement.\u201d (section 8.2).") in said
    assert "it does not say whether Core has them" in said or "does not say whether Core has them" in said
    assert ('The specification does not say who sets the priority of a call, or how. It says that an on-site visit '
            'is made "consistent with the priority of the problem"') in said
    assert 'posted to Hold "with approval of the Help Desk"' in said
    assert "The specification does not say what happens when a response target is missed." in said
    links = {text(a): a["href"] for a in section.find_all("a")}
    assert links["section 11.1"].endswith("complaints/#escalation")
    for title in ("Bank holidays are not working days", "Counting working days", "When progress updates fall due",
                  "Who sets a call's priority?", "What if a target time is missed?"):
        assert "about-this-edition/#note-" in links[title]


def test_the_edition_notes_name_the_calculator_as_a_use(built_site):
    about = soup_of(built_site, "about-this-edition/index.html")
    for note in ("bank-holidays", "counting-working-days", "update-dates", "who-sets-priority", "missed-target"):
        heading = about.find(id=f"note-{note}")
        assert heading is not None
    assert "The site's reading" in text(about.find(id="note-update-dates").find_next("div"))
