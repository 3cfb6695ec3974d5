"""What every page says at its top on paper: whose service it is, the site's title, the financial year, and when
the site was built and the page printed.

The line is the same on every page of a build, so it is made once (`print_header`) and the theme prints it above
each page (overrides/main.html); the stylesheet shows it only in print, and site.js adds the date of printing to
its `data-print-date` part. Plain Python and escaped HTML: nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime

from markupsafe import Markup

from .catalog import Catalog

PRINT_HEADER = Markup('<p class="print-header">{council}: {title}. For the financial year {year}. '
                      'Site built on {built}. <span data-print-date></span></p>')
"""The line, with its data: every `{}` is escaped by Markup.format."""


def print_header(catalog: Catalog, built: datetime.date) -> Markup:
    """The line at the top of every printed page, e.g. 'Calderdale Metropolitan Borough Council: Traded services:
    ICT and information management. For the financial year 2008/09. Site built on 7 December 2026.'"""
    return PRINT_HEADER.format(council=catalog.services.provider.council, title=catalog.services.title,
                               year=catalog.prices.financial_year, built=day_words(built))


def day_words(day: datetime.date) -> str:
    """A date as GOV.UK writes it: '7 December 2026'."""
    return f"{day.day} {day:%B %Y}"
