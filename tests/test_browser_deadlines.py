"""In Chromium: the response-time calculator (on the page "When will you respond?") gives the same answers as Python
(macros/sla/deadlines.py) for hundreds of generated cases from 1872 to 2100 and for every worked example, gives the
answers typed here for days in other years than the data's, works by keyboard, says its answer in a live region,
passes axe with an answer shown, and without JavaScript leaves the worked examples.

The answers themselves are checked by hand in test_deadlines.py; here the page is checked against them, and, so that
a mistake made in both calculators cannot pass, site.js against answers worked out by hand over a calendar typed
here (test_the_page_gives_the_answers_worked_out_by_hand).
"""

from __future__ import annotations

import datetime
import io
import random

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from conftest import EDITION, add_axe
from macros.sla.deadline_answers import answer_words
from macros.sla.deadlines import answer, full_calendar
from macros.sla.load import load
from test_accessibility import AXE_TAGS

pytestmark = pytest.mark.browser

CATALOG = load(EDITION)
STANDARDS = CATALOG.services.response_standards
CALENDAR = full_calendar(STANDARDS)
RESPONSE_PAGE = "/response-times/"
ALL = """cases => {
  const data = JSON.parse(document.querySelector("script[data-deadline-calendar]").textContent);
  return cases.map(c => [window.slaDeadlines.answer(data, c[0], c[1]), window.slaDeadlines.words(data, c[0], c[1])]);
}"""


def python_answer(raised: str, level: int) -> list:
    found = answer(STANDARDS, CALENDAR, datetime.datetime.fromisoformat(raised), level)
    words = answer_words(STANDARDS, found, CALENDAR)
    return [found.as_json(), {"status": words.status, "facts": [[term, lines] for term, lines in words.facts]}]


def generated_cases(count: int = 400, seed: int = 2008) -> list[list]:
    """Times across every year the page knows (1872 to 2100) and, as many again, across the data's financial year
    and the years around today, at every priority, with the edges of the working day (8.29, 8.30, 16.59, 17.00,
    midnight) more often than chance would pick them; then the days around the bank holidays of those years."""
    rnd = random.Random(seed)
    first, last = CALENDAR.known or (datetime.date(1872, 1, 1), datetime.date(2100, 12, 31))
    spans = [(first, last), (datetime.date(2008, 4, 1), datetime.date(2010, 3, 31)),
             (datetime.date(2020, 1, 1), datetime.date(2030, 12, 31))]
    cases = []
    for index in range(count):
        start, end = spans[0] if index % 2 else spans[1 + index % 4 // 2]
        day = start + datetime.timedelta(days=rnd.randrange((end - start).days + 1))
        minute = rnd.choice([0, 509, 510, 511, 1019, 1020, 1439, rnd.randrange(1440), rnd.randrange(510, 1020)])
        cases.append([f"{day.isoformat()}T{minute // 60:02d}:{minute % 60:02d}", rnd.randrange(1, 7)])
    for holiday in CALENDAR.holidays:
        if any(start <= holiday <= end for start, end in spans[1:]):
            for offset in (-1, 0, 1):
                day = holiday + datetime.timedelta(days=offset)
                cases.append([f"{day.isoformat()}T16:45", rnd.randrange(1, 7)])
    cases += [["2009-03-31T14:00", 4], ["2010-03-31T16:59", 4], ["2010-03-31T17:00", 2], ["2008-04-01T00:00", 3],
              ["1872-01-01T00:00", 2], ["2100-12-24T16:45", 4], ["2100-12-31T16:59", 3]]
    return cases


def test_the_page_and_python_agree_on_hundreds_of_cases(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    cases = generated_cases()
    in_page = page.evaluate(ALL, cases)
    differ = [(case, python_answer(*case), js) for case, js in zip(cases, in_page, strict=True)
              if python_answer(*case) != js]
    assert differ == []
    assert len(cases) >= 400
    assert sum(1 for js in in_page if js[0]["skipped"]) > 50  # many of them skip a bank holiday
    assert len({case[0][:4] for case in cases}) > 100  # in more than a hundred years
    assert any(js[0]["beyond_known"] for js in in_page)


def test_every_worked_example_is_what_the_calculator_says(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    examples = page.locator("li.deadline-example")
    expect(examples).to_have_count(5)
    for index in range(examples.count()):
        example = examples.nth(index)
        raised, level = example.get_attribute("data-raised"), int(example.get_attribute("data-level") or 0)
        shown = example.evaluate("""li => ({
            status: li.querySelector(".deadline-example-status").textContent,
            facts: [...li.querySelectorAll("dl > div")].map(row => [
                row.querySelector("dt").textContent, [...row.querySelectorAll("dd")].map(dd => dd.textContent)])
        })""")
        assert page.evaluate(ALL, [[raised, level]])[0][1] == shown


def date_keys(page: Page, iso: str) -> str:
    """The digits that type `iso` into a date field, in the order of the browser's locale (day first in en-GB)."""
    order = page.evaluate("""() => new Intl.DateTimeFormat(undefined, {year: "numeric", month: "2-digit",
        day: "2-digit"}).formatToParts(new Date(2008, 7, 22)).filter(p => p.type !== "literal").map(p => p.type)""")
    year, month, day = iso.split("-")
    return "".join({"year": year, "month": month, "day": day}[part] for part in order)


def time_keys(page: Page, hh_mm: str) -> str:
    """The keys that type `hh_mm` into a time field: 24-hour, or 12-hour with A or P, as the locale has it."""
    twelve = page.evaluate("() => new Intl.DateTimeFormat(undefined, {hour: 'numeric'}).resolvedOptions().hour12")
    hour, minute = (int(part) for part in hh_mm.split(":"))
    if twelve:
        return f"{(hour + 11) % 12 + 1:02d}{minute:02d}{'A' if hour < 12 else 'P'}"
    return f"{hour:02d}{minute:02d}"


def tab_to(page: Page, field_id: str) -> None:
    """Press Tab until the field has the focus: Chromium's date and time fields take a Tab for each of their parts
    (day, month, year; hours, minutes, am or pm) before the next field."""
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == field_id:
            return
    raise AssertionError(f"Tab never reached #{field_id}")


@pytest.mark.parametrize("raised, level", [("2008-08-22T16:45", 2), ("2009-04-09T15:00", 3), ("2008-12-27T10:00", 5),
                                           ("2009-12-24T16:45", 1)])
def test_by_keyboard_the_answer_is_said_in_the_live_region(page, site_url, raised, level):
    page.goto(site_url + RESPONSE_PAGE)
    form = page.locator("form[data-deadline-form]")
    expect(form).to_be_visible()
    status = form.get_by_role("status")
    page.get_by_label("Date the call was logged").focus()
    page.keyboard.type(date_keys(page, raised[:10]))
    tab_to(page, "deadline-time")  # past the parts of the date field
    page.keyboard.type(time_keys(page, raised[11:]))
    tab_to(page, "deadline-priority")
    page.keyboard.type(str(level))
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show the dates")).to_be_focused()
    page.keyboard.press("Enter")
    expected = python_answer(raised, level)[1]
    expect(status).to_have_text(expected["status"])
    expect(status).to_have_attribute("aria-live", "polite")
    answer_box = form.locator("[data-deadline-answer]")
    expect(answer_box.locator("dl > div > dt")).to_have_text([term for term, _ in expected["facts"]])
    expect(answer_box).to_contain_text(f"What priority {level} (")


def test_a_missing_field_is_said_and_no_answer_shown(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    page.get_by_label("Priority").select_option("3")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator("[data-deadline-status]")).to_have_text("Choose the date and the time of the call.")
    expect(page.locator("[data-deadline-answer]")).to_be_hidden()


@pytest.mark.parametrize("day", ["1871-12-31", "2101-01-01"])
def test_a_day_whose_bank_holidays_the_page_does_not_know_is_refused(page, site_url, day):
    page.goto(site_url + RESPONSE_PAGE)
    page.get_by_label("Date the call was logged").fill(day)
    page.get_by_label("Time it was logged").fill("10:00")
    page.get_by_label("Priority").select_option("2")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator("[data-deadline-status]")).to_have_text(
        "Choose a day from Monday 1 January 1872 to Friday 31 December 2100: the bank holidays of those days only are "
        "known here.")


def test_todays_date_is_answered(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    page.get_by_label("Date the call was logged").fill("2026-12-07")
    page.get_by_label("Time it was logged").fill("16:45")
    page.get_by_label("Priority").select_option("3")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator("[data-deadline-status]")).to_have_text(
        "Priority 3 (Medium), logged at 4.45 pm on Monday 7 December 2026: attention by 4.45 pm on Wednesday 9 "
        "December 2026.")
    expect(page.locator("[data-deadline-answer] dl > div").last).to_have_text(
        "Bank holidays not countedFriday 25 December 2026 (Christmas Day)Monday 28 December 2026 (Boxing Day "
        "(observed))")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "mobile"])
def test_no_axe_violations_with_an_answer_shown(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + RESPONSE_PAGE)
    page.get_by_label("Date the call was logged").fill("2008-12-24")
    page.get_by_label("Time it was logged").fill("16:45")
    page.get_by_label("Priority").select_option("1")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator("[data-deadline-answer]")).to_be_visible()
    add_axe(page)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)
    context.close()
    assert [f"{v['id']}: {v['help']}: {v['nodes'][0]['html'][:120]}" for v in result["violations"]] == []


def test_the_page_prints_who_and_when_first_and_no_addresses(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    first = " ".join(reader.pages[0].extract_text().split())
    everything = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    today = datetime.date.today()
    assert first.startswith("When will you respond? Calderdale Metropolitan Borough Council: Traded services: ICT and "
                            "information management. Response times for the financial year 2008/09. "
                            f"Printed on {today.day} {today:%B %Y}.")
    assert "ICT Support Response Standards Summary" in first
    assert "http" not in everything and "about-this-edition" not in everything
    assert "Show the dates" not in everything  # the form is of no use on paper
    assert "Bank holidays in England, financial year 2009/10" in everything
    assert len(reader.pages) <= 4, len(reader.pages)


def test_without_javascript_the_worked_examples_stand_in(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + RESPONSE_PAGE)
    expect(page.locator("form[data-deadline-form]")).to_be_hidden()
    expect(page.locator("li.deadline-example")).to_have_count(5)
    expect(page.locator("li.deadline-example").first).to_be_visible()
    expect(page.locator(".no-js-only")).to_have_text(
        "The calculator needs JavaScript, which is off in this browser: the worked examples below show how the dates "
        "are counted.")
    context.close()


# --- site.js against answers worked out by hand --------------------------------------------------------------
# The comparisons above would pass a mistake made in both calculators at once. Here site.js answers over a calendar
# typed below (8.30 am to 5.00 pm, Monday to Friday, and the bank holidays of England from April 2026 to March
# 2028, weekend ones included as the page carries them), for priorities typed below, and each answer was worked out
# by hand with the rules of test_deadlines.py, which has the same cases for Python.

def compact(holidays: list[list[str]], first: str) -> dict:
    """Bank holidays (ISO date, name) in the form the page carries them (response.calendar_data): for each, the days
    since the one before (the first: since `first`) and a letter for its name."""
    names: list[str] = []
    days, previous = "", datetime.date.fromisoformat(first)
    for iso, name in holidays:
        names += [] if name in names else [name]
        day = datetime.date.fromisoformat(iso)
        days += f"{(day - previous).days}{'abcdefghijklmnopqrstuvwxyz'[names.index(name)]}"
        previous = day
    return {"names": names, "days": days}


HIGH_LABELS = ["Upon receipt", "After initial assessment"]
HAND_CALENDAR = {
    "calendar": {
        "start": 510, "end": 1020, "days": [0, 1, 2, 3, 4], "known": ["2026-04-01", "2028-03-31"],
        "holidays": compact([
            ["2026-04-03", "Good Friday"], ["2026-04-06", "Easter Monday"], ["2026-05-04", "May Day"],
            ["2026-05-25", "Spring Bank Holiday"], ["2026-08-31", "Late Summer Bank Holiday"],
            ["2026-12-25", "Christmas Day"], ["2026-12-26", "Boxing Day"], ["2026-12-28", "Boxing Day (observed)"],
            ["2027-01-01", "New Year's Day"], ["2027-03-26", "Good Friday"], ["2027-03-29", "Easter Monday"],
            ["2027-05-03", "May Day"], ["2027-05-31", "Spring Bank Holiday"],
            ["2027-08-30", "Late Summer Bank Holiday"],
            ["2027-12-25", "Christmas Day"], ["2027-12-26", "Boxing Day"],
            ["2027-12-27", "Christmas Day (observed)"], ["2027-12-28", "Boxing Day (observed)"],
            ["2028-01-01", "New Year's Day"], ["2028-01-03", "New Year's Day (observed)"]], "2026-04-01"),
        "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"]},
    "shown": 3,
    "priorities": [
        {"level": 1, "name": "Critical", "attention_days": None, "definition": ["Very bad."],
         "updates": {"upon_receipt": False, "after_initial_assessment": False, "every": 1, "unit": "working-day",
                     "while_unresolved": True},
         "labels": ["Daily, while unresolved"],
         "reason": 'no target in working days; the specification says: "Ranks highest."'},
        {"level": 2, "name": "High", "attention_days": 1, "definition": ["Bad."],
         "updates": {"upon_receipt": True, "after_initial_assessment": True, "every": 2, "unit": "working-day",
                     "while_unresolved": False},
         "labels": [*HIGH_LABELS, "Then every two days"], "reason": ""},
        {"level": 3, "name": "Medium", "attention_days": 2, "definition": ["Affected."],
         "updates": {"upon_receipt": True, "after_initial_assessment": True, "every": 1, "unit": "week",
                     "while_unresolved": False},
         "labels": [*HIGH_LABELS, "Then weekly"], "reason": ""},
        {"level": 4, "name": "Low", "attention_days": 5, "definition": ["An irritation."],
         "updates": {"upon_receipt": True, "after_initial_assessment": True, "every": 1, "unit": "month",
                     "while_unresolved": False},
         "labels": [*HIGH_LABELS, "Then monthly"], "reason": ""},
        {"level": 5, "name": "Hold", "attention_days": None, "definition": ["Parked."], "updates": None,
         "labels": ["Monitored monthly."], "reason": 'the specification sets no target time for it, and says: '
                                                     '"Monitored monthly."'}]}


def by_hand(counted_from, deadline, updates, skipped, level, receipt=True, beyond=False) -> dict:
    """An answer as site.js gives it (`slaDeadlines.answer`)."""
    return {"level": level, "counted_from": counted_from, "deadline": deadline,
            "receipt_update": counted_from if receipt else None, "assessment_update": receipt, "updates": updates,
            "skipped": skipped, "beyond_known": beyond}


HAND_CASES = [
    # 5.00 pm is the end of the day: counted from 8.30 am on Monday.
    ("2026-11-27T17:00", 2, by_hand("2026-11-30T08:30", "2026-11-30T17:00",
                                    ["2026-12-02T17:00", "2026-12-04T17:00", "2026-12-08T17:00"], [], 2)),
    # Logged on the bank holiday: counted from Tuesday, and the holiday is one of those not counted.
    ("2026-08-31T11:00", 2, by_hand("2026-09-01T08:30", "2026-09-01T17:00",
                                    ["2026-09-03T17:00", "2026-09-07T17:00", "2026-09-09T17:00"], ["2026-08-31"], 2)),
    ("2026-12-31T12:00", 2, by_hand("2026-12-31T12:00", "2027-01-04T12:00",
                                    ["2027-01-06T12:00", "2027-01-08T12:00", "2027-01-12T12:00"], ["2027-01-01"], 2)),
    # Before 8.30 am on a Saturday: counted from Monday, not from that Saturday.
    ("2026-11-28T07:00", 2, by_hand("2026-11-30T08:30", "2026-11-30T17:00",
                                    ["2026-12-02T17:00", "2026-12-04T17:00", "2026-12-08T17:00"], [], 2)),
    ("2026-12-24T16:45", 3, by_hand("2026-12-24T16:45", "2026-12-30T16:45",
                                    ["2027-01-06T16:45", "2027-01-13T16:45", "2027-01-20T16:45"],
                                    ["2026-12-25", "2026-12-28", "2027-01-01"], 3)),
    # Monthly from Monday 7 September: 7 November is a Saturday, so Monday 9 November.
    ("2026-08-28T16:45", 4, by_hand("2026-08-28T16:45", "2026-09-07T16:45",
                                    ["2026-10-07T16:45", "2026-11-09T16:45", "2026-12-07T16:45"], ["2026-08-31"], 4)),
    # Christmas 2027 on a weekend: the substitute days, and New Year's Day's on Monday 3 January 2028.
    ("2027-12-24T16:45", 2, by_hand("2027-12-24T16:45", "2027-12-29T16:45",
                                    ["2027-12-31T16:45", "2028-01-05T16:45", "2028-01-07T16:45"],
                                    ["2027-12-27", "2027-12-28", "2028-01-03"], 2)),
    ("2026-12-24T16:45", 1, by_hand("2026-12-24T16:45", None,
                                    ["2026-12-29T16:45", "2026-12-30T16:45", "2026-12-31T16:45"],
                                    ["2026-12-25", "2026-12-28"], 1, receipt=False)),
    ("2026-12-24T16:45", 5, by_hand(None, None, [], [], 5, receipt=False)),
    # The last day whose bank holidays are known: 7 May 2028 is a Sunday, so Monday 8 May; the answer says to check.
    ("2028-03-31T16:45", 4, by_hand("2028-03-31T16:45", "2028-04-07T16:45",
                                    ["2028-05-08T16:45", "2028-06-07T16:45", "2028-07-07T16:45"], [], 4, beyond=True)),
    ("2026-11-30T00:05", 3, by_hand("2026-11-30T08:30", "2026-12-01T17:00",
                                    ["2026-12-08T17:00", "2026-12-15T17:00", "2026-12-22T17:00"], [], 3)),
]
HAND = """([data, cases]) => cases.map(c => [window.slaDeadlines.answer(data, c[0], c[1]),
                                         window.slaDeadlines.words(data, c[0], c[1])])"""


def test_the_page_gives_the_answers_worked_out_by_hand(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    page.wait_for_function("() => window.slaDeadlines !== undefined")
    found = page.evaluate(HAND, [HAND_CALENDAR, [[raised, level] for raised, level, _ in HAND_CASES]])
    assert [answer for answer, _ in found] == [expected for _, _, expected in HAND_CASES]
    said = [words for _, words in found]
    assert said[0]["status"] == ("Priority 2 (High), logged at 5.00 pm on Friday 27 November 2026: attention by "
                                 "5.00 pm on Monday 30 November 2026.")
    assert said[0]["facts"][0] == ["Counted from", ["8.30 am on Monday 30 November 2026, when working hours next "
                                                    "start (the call was logged outside them)"]]
    assert said[1]["facts"] == [
        ["Counted from", ["8.30 am on Tuesday 1 September 2026, when working hours next start (the call was logged "
                          "outside them)"]],
        ["Attention by", ["5.00 pm on Tuesday 1 September 2026"]],
        ["Updates", ["Upon receipt: 8.30 am on Tuesday 1 September 2026",
                     "After initial assessment: the specification gives no time; the later updates are counted from "
                     "the attention target, the latest time for it",
                     "Then every two days: 5.00 pm on Thursday 3 September 2026; 5.00 pm on Monday 7 September "
                     "2026; 5.00 pm on Wednesday 9 September 2026; and so on"]],
        ["Bank holidays not counted", ["Monday 31 August 2026 (Late Summer Bank Holiday)"]]]
    assert said[2]["status"] == ("Priority 2 (High), logged at 12.00 pm on Thursday 31 December 2026: attention by "
                                 "12.00 pm on Monday 4 January 2027.")
    assert said[4]["facts"][-1] == ["Bank holidays not counted", [
        "Friday 25 December 2026 (Christmas Day)", "Monday 28 December 2026 (Boxing Day (observed))",
        "Friday 1 January 2027 (New Year's Day)"]]
    assert said[7]["status"] == ('Priority 1 (Critical), logged at 4.45 pm on Thursday 24 December 2026: no target in '
                                 'working days; the specification says: "Ranks highest."')
    assert said[8] == {"status": "Priority 5 (Hold): no deadline.", "facts": [
        ["Why", ['The specification sets no target time for it, and says: "Monitored monthly."']]]}
    assert said[9]["facts"][-1] == ["Check", [
        "The bank holidays after Friday 31 March 2028 are not known here, so a later date above may need to move to "
        "the next working day."]]
    assert said[10]["status"] == ("Priority 3 (Medium), logged at 12.05 am on Monday 30 November 2026: attention by "
                                  "5.00 pm on Tuesday 1 December 2026.")


# --- other years, on the page's own calendar: answers worked out by hand (test_deadlines.py has them for Python) ---

OTHER_YEARS = [
    # Today's date when this was written, Monday 7 December 2026; Boxing Day (a Saturday) is Monday 28 December.
    ("2026-12-07T16:45", 3, by_hand("2026-12-07T16:45", "2026-12-09T16:45",
                                    ["2026-12-16T16:45", "2026-12-23T16:45", "2026-12-30T16:45"],
                                    ["2026-12-25", "2026-12-28"], 3)),
    # The Platinum Jubilee: the Spring Bank Holiday moved to Thursday 2 June 2022, and Friday 3 June.
    ("2022-06-01T16:45", 2, by_hand("2022-06-01T16:45", "2022-06-06T16:45",
                                    ["2022-06-08T16:45", "2022-06-10T16:45", "2022-06-14T16:45"],
                                    ["2022-06-02", "2022-06-03"], 2)),
    # The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    ("2022-09-16T10:00", 3, by_hand("2022-09-16T10:00", "2022-09-21T10:00",
                                    ["2022-09-28T10:00", "2022-10-05T10:00", "2022-10-12T10:00"], ["2022-09-19"], 3)),
    # The Silver Jubilee, Tuesday 7 June 1977.
    ("1977-06-03T16:45", 2, by_hand("1977-06-03T16:45", "1977-06-06T16:45",
                                    ["1977-06-09T16:45", "1977-06-13T16:45", "1977-06-15T16:45"], ["1977-06-07"], 2)),
    # The first year known: Good Friday 29 March and Easter Monday 1 April 1872.
    ("1872-03-28T15:00", 3, by_hand("1872-03-28T15:00", "1872-04-03T15:00",
                                    ["1872-04-10T15:00", "1872-04-17T15:00", "1872-04-24T15:00"],
                                    ["1872-03-29", "1872-04-01"], 3)),
    # The last: Christmas 2100 is a Saturday; 1 January 2101 is too, but 2101's bank holidays are not known.
    ("2100-12-24T16:45", 4, by_hand("2100-12-24T16:45", "2101-01-04T16:45",
                                    ["2101-02-04T16:45", "2101-03-04T16:45", "2101-04-04T16:45"],
                                    ["2100-12-27", "2100-12-28"], 4, beyond=True)),
]


def test_the_page_answers_for_days_in_other_years_as_worked_out_by_hand(page, site_url):
    page.goto(site_url + RESPONSE_PAGE)
    found = page.evaluate(ALL, [[raised, level] for raised, level, _ in OTHER_YEARS])
    assert [answer for answer, _ in found] == [expected for _, _, expected in OTHER_YEARS]
    assert found[1][1]["facts"][-1] == ["Bank holidays not counted", [
        "Thursday 2 June 2022 (Spring Bank Holiday)", "Friday 3 June 2022 (Platinum Jubilee of Elizabeth II)"]]
    assert found[5][1]["facts"][-1] == ["Check", [
        "The bank holidays after Friday 31 December 2100 are not known here, so a later date above may need to move "
        "to the next working day."]]
