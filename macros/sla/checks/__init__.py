"""Checks of references within and between the data files.

The models check each file's shape; these checks run once all the files have the right shape, and report every
broken reference at once, each at its line. One module for each concern, each taking the same `Known` (the data,
its files and the ids a reference may name, `known.py`): `services.py` (ids, school types, tiers, inclusion
tables, the route, offers), `clauses.py` (the clauses and response standards of services.yaml), `prices.py`,
`schools.py` (and the address of a school's page, `school_slug`), `settings.py` (site.yaml's dates and search
synonyms), `placeholders.py` (the `{kind:key}` of every text); `warnings.py` is what an officer should see to
but the site can do without.
"""

from __future__ import annotations

from ..models import Prices, Schools, Services, SiteInfo
from ..problems import Problem
from ..yamlfile import YamlFile
from .clauses import SIMPLE_BLOCKS, clause_problems
from .known import Known
from .placeholders import placeholder_problems
from .prices import price_problems
from .schools import school_problems, school_slug
from .services import service_problems
from .settings import settings_problems
from .warnings import find_warnings

__all__ = ["SIMPLE_BLOCKS", "find_problems", "find_warnings", "school_slug"]


def find_problems(services: Services, prices: Prices, schools: Schools, site: SiteInfo,
                  sfile: YamlFile, pfile: YamlFile, schools_file: YamlFile, site_file: YamlFile) -> list[Problem]:
    """Every broken reference in the data files."""
    known = Known(services, prices, schools, site, sfile, pfile, schools_file, site_file)
    return [*service_problems(known), *clause_problems(known), *price_problems(known), *school_problems(known),
            *settings_problems(known), *placeholder_problems(known)]
