"""The response-time calculator in the built site, read from its HTML: on the responsiveness clause (with the
bank holidays of the financial year) and on each entitlement page; the worked examples that stand in for it
without JavaScript; the plain answers around it; the holidays it carries, worked out at build time.

In Chromium (the same answers as Python, by keyboard, axe): test_browser_deadlines.py.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

RESPONSE_PAGE = "specification/service-standards/index.html"
TYPE_PAGES = ["entitlement/primary/index.html", "entitlement/primary-formerly-gm/index.html",
              "entitlement/secondary/index.html", "entitlement/secondary-formerly-gm/index.html"]


def soup_of(built_site, path: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return " ".join(element.get_text().split())


def calculator(built_site, path: str):
    sections = soup_of(built_site, path).select("section[data-deadlines]")
    assert len(sections) == 1
    return sections[0]


@pytest.mark.parametrize("path", [RESPONSE_PAGE, *TYPE_PAGES])
def test_the_calculator_is_a_labelled_form_hidden_until_javascript_shows_it(built_site, path):
    section = calculator(built_site, path)
    form = section.select_one("form[data-deadline-form]")
    assert "js-only" in form["class"]  # hidden without JavaScript by site.css (`.no-js .js-only`)
    fields = {label.get_text(" ", strip=True): section.find(id=label["for"]) for label in form.find_all("label")}
    assert {name: (field.name, field.get("type")) for name, field in fields.items()} == {
        "Date the call was logged": ("input", "date"), "Time it was logged": ("input", "time"),
        "Priority": ("select", None)}
    assert (fields["Date the call was logged"]["min"], fields["Date the call was logged"]["max"]) == (
        "2008-04-01", "2010-03-31")
    assert [option.get_text() for option in fields["Priority"].find_all("option")] == [
        "Choose a priority", "1. Critical", "2. High", "3. Medium", "4. Low", "5. Hold", "6. Waiting for school"]
    status = form.select_one("[role=status]")
    assert status["aria-live"] == "polite"
    assert form.find("button", type="submit").get_text() == "Show the dates"


def test_the_page_carries_the_bank_holidays_of_the_year_and_the_next(built_site):
    data = json.loads(calculator(built_site, RESPONSE_PAGE).select_one("script[data-deadline-calendar]").string)
    calendar = data["calendar"]
    assert (calendar["start"], calendar["end"], calendar["days"], calendar["known"]) == (
        510, 1020, [0, 1, 2, 3, 4], ["2008-04-01", "2010-03-31"])
    holidays = dict(calendar["holidays"])
    assert holidays["2008-08-25"] == "Late Summer Bank Holiday"
    assert holidays["2009-04-10"] == "Good Friday"
    assert holidays["2009-04-13"] == "Easter Monday"
    assert holidays["2009-12-28"] == "Boxing Day (observed)"
    assert min(holidays) >= "2008-04-01" and max(holidays) <= "2010-03-31"
    assert [(p["level"], p["attention_days"], p["updates"] and p["updates"]["unit"]) for p in data["priorities"]] == [
        (1, None, "working-day"), (2, 1, "working-day"), (3, 2, "week"), (4, 5, "month"), (5, None, None),
        (6, None, None)]
    assert "http" not in json.dumps(data)


def test_worked_examples_answer_without_javascript(built_site):
    examples = calculator(built_site, RESPONSE_PAGE).select("li.deadline-example")
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
    tables = calculator(built_site, RESPONSE_PAGE).select("table")
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
def test_entitlement_pages_point_to_the_bank_holidays(built_site, path):
    section = calculator(built_site, path)
    assert section.select("table") == []
    assert "The bank holidays of the year are listed with the response standards (section 3.2.5)." in text(section)


@pytest.mark.parametrize("path", [RESPONSE_PAGE, TYPE_PAGES[0]])
def test_the_plain_answers_around_the_calculator(built_site, path):
    section = calculator(built_site, path)
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
