"""Warnings: what the data lacks, or lets lapse, that the site can do without but an officer should see to
(`make check` and every build print them; they never stop a build)."""

from __future__ import annotations

import datetime

from ..models import WEB_ADDRESS_EXAMPLE, Prices, Services, SiteInfo
from ..problems import Problem
from ..review import changed_since_review
from ..text import join_words
from ..yamlfile import YamlFile

SERVICE_DESK_DETAILS = {"telephone": "telephone number", "email": "e-mail address", "hours": "opening hours"}


def find_warnings(services: Services, site: SiteInfo, sfile: YamlFile, site_file: YamlFile,
                  today: datetime.date | None = None, fingerprints: dict[str, str] | None = None,
                  prices: Prices | None = None, prices_file: YamlFile | None = None) -> list[Problem]:
    """What the data lacks, or lets lapse, that the site can do without but an officer should see to;
    `fingerprints` are the data files' as read (see `review`)."""
    today = today or datetime.date.today()
    warnings = [] if prices is None or prices_file is None else _ordering_warnings(prices, prices_file)
    if fingerprints is not None:
        warnings += _review_warnings(site, site_file, fingerprints)
    due = datetime.date.fromisoformat(site.review.next_review_due)
    if due < today:
        warnings.append(site_file.problem(("review", "next_review_due"), (
            f"the yearly review was due on {due.isoformat()} and is overdue; review the specification and prices, "
            f"then run `make reviewed` and set next_review_due a year on")))
    statement = datetime.date.fromisoformat(site.accessibility.last_reviewed)
    if statement < today - datetime.timedelta(days=365):
        warnings.append(site_file.problem(("accessibility", "last_reviewed"), (
            f"the accessibility statement was last reviewed on {statement.isoformat()}, more than a year ago; "
            f"review it and update last_reviewed")))
    accessibility = site.accessibility
    if not accessibility.contact.given or not accessibility.reply_within.strip():
        lacking = [words for words, empty in (("contact", not accessibility.contact.given),
                                              ("reply time", not accessibility.reply_within.strip())) if empty]
        warnings.append(site_file.problem(("accessibility", "contact"), (
            f"the accessibility statement has no {join_words(lacking, 'and no')}, which the accessibility "
            "regulations require; fill in contact (name, email, telephone) and reply_within under accessibility "
            "when the council has decided them")))
    if site.web_address is None:
        warnings.append(site_file.problem(("web_address",), (
            "not set: the page for an address that does not exist works only if the site is published "
            "at the root of its server, and sitemap.xml lists no pages; set web_address to the address of the "
            f"site's home page, e.g. {WEB_ADDRESS_EXAMPLE}")))
    desk = services.service_desk
    missing = {key: words for key, words in SERVICE_DESK_DETAILS.items() if getattr(desk, key) is None}
    if not missing:
        return warnings
    return warnings + [sfile.problem(("service_desk",), (
        f"no {join_words(list(missing.values()), 'or')} for the {desk.name}; pages tell schools to log calls with "
        f"it but cannot say how to reach it. Add {join_words([f'`{key}:`' for key in missing])} under service_desk "
        f"when the council confirms them"))]


def _review_warnings(site: SiteInfo, site_file: YamlFile, fingerprints: dict[str, str]) -> list[Problem]:
    """The banner claims the review only for data as reviewed: say why it does not, and what to run."""
    reviewed = site.review.last_reviewed
    if not site.review.reviewed_data:
        return [site_file.problem(("review", "last_reviewed"), (
            f"there is no record of which data the review of {reviewed} covered, so pages do not show "
            "'Last reviewed'; once you have reviewed the site, run `make reviewed`, which records the date "
            "and the data"))]
    changed = changed_since_review(site.review.reviewed_data, fingerprints)
    if not changed:
        return []
    files = join_words([f"data/{name}" for name in changed])
    return [site_file.problem(("review", "reviewed_data"), (
        f"{files} changed after the review of {reviewed}, so pages no longer show 'Last reviewed'; review "
        "the changes (`make serve`), then run `make reviewed`"))]


def _ordering_warnings(prices: Prices, prices_file: YamlFile) -> list[Problem]:
    """The planner and the printed order work without these, but say less."""
    ordering, warnings = prices.ordering, []
    if not ordering.notice_by:
        warnings.append(prices_file.problem(("ordering", "notice_by"), (
            "no last date for notice: the planner states the rule (at least one term's notice, in writing) but not "
            "by when; set notice_by to the date the council decides, e.g. 2007-12-31")))
    if not ordering.email and not ordering.post_to:
        warnings.append(prices_file.problem(("ordering", "email"), (
            "no address for orders: the printed order cannot say where to send it and the planner offers no "
            "e-mail; set email (and post_to, for paper orders) under ordering")))
    if not ordering.opens:
        warnings.append(prices_file.problem(("ordering", "opens"), (
            "no window for orders: the home page and the planner do not say when orders are taken; set opens and "
            "closes under ordering (dates such as 2008-01-14)")))
    return warnings + _stale_ordering_dates(prices, prices_file)


def _stale_ordering_dates(prices: Prices, prices_file: YamlFile) -> list[Problem]:
    """Dates left from another year (`make new-year` keeps them): notice is given in the year before the
    financial year starts, and orders are taken from a year before it starts until it ends."""
    ordering, year = prices.ordering, prices.financial_year
    first = int(year[:4])
    start, end = datetime.date(first, 4, 1), datetime.date(first + 1, 3, 31)
    warnings = []
    if ordering.notice_by:
        notice = datetime.date.fromisoformat(ordering.notice_by)
        if not start - datetime.timedelta(days=366) <= notice < start:
            warnings.append(prices_file.problem(("ordering", "notice_by"), (
                f"{ordering.notice_by} is not in the year before {year} starts (1 April {first}): notice to leave, or "
                f"to move down, for {year} is given before then; is it last year's date? Set the date the council "
                "decides for this year")))
    if ordering.opens and ordering.closes:
        opens, closes = (datetime.date.fromisoformat(day) for day in (ordering.opens, ordering.closes))
        if closes < start - datetime.timedelta(days=366) or opens > end:
            warnings.append(prices_file.problem(("ordering", "opens"), (
                f"the window for orders ({ordering.opens} to {ordering.closes}) is not in the run-up to {year} or in "
                "it; is it last year's? Set this year's opens and closes")))
    return warnings
