"""What costs a school extra (extras.py), for each school of the 2008/09 edition and for made-up ones: the values
are typed out from the specification's inclusion table and Capita top-up prices, not computed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import EDITION
from macros.sla.extras import OfferPrices, PhasePriceGroup, school_extras
from macros.sla.load import load
from macros.sla.models import School

pytestmark = pytest.mark.unit

CAPITA_PRIMARY = OfferPrices(
    "capita-top-up", "Capita SIMS Top-Up Subscription Service",
    "This service is available on payment of an annual subscription.",
    [PhasePriceGroup(None, [("Complete SIMS Help Desk Support", Decimal("850.00"))]),
     PhasePriceGroup("Individual modules", [("SIMS Core Modules support", Decimal("375.00")),
                                       ("SIMS Assessment Suite support", Decimal("375.00")),
                                       ("SIMS Resources Software support", Decimal("375.00"))])])
CAPITA_SECONDARY = OfferPrices(
    "capita-top-up", "Capita SIMS Top-Up Subscription Service",
    "This service is available on payment of an annual subscription.",
    [PhasePriceGroup(None, [("Complete SIMS Help Desk Support", Decimal("1090.00"))]),
     PhasePriceGroup("Individual modules", [("SIMS Core Modules support", Decimal("550.00")),
                                       ("SIMS Examinations module", Decimal("300.00")),
                                       ("SIMS Assessment Suite support", Decimal("550.00")),
                                       ("SIMS Timetable Suite support", Decimal("550.00")),
                                       ("SIMS Resources Software support", Decimal("550.00")),
                                       ("SIMS Timetable & Exams Suite support", Decimal("790.00"))])])

CENSUS = "Support for production of school census"
KS_COLLECTION = "Support for electronic collection of KS data"
KS_ANALYSIS = "Analysis of KS data"
TOP_UP = "Top-up support from CapitaES"
CDS = "Supply of CDs"
MORE_PCS = "Access to SIMS from more than 10 PCs"
ANTIVIRUS = ("Antivirus and operating system software: Automated updates throughout the whole school (subject to "
             "site survey)")
VIRUS_RECOVERY = "Recovery from virus infection (best endeavours)"

# school type, tier, YHGFL, PCs -> the optional extras (service, PCs over, priced by), then the YHGFL-only services
# it cannot have (service, optional for YHGFL schools), then the services with a price list named on their own
CASES = [
    # Hill Top: Gold, not YHGFL, 14 PCs
    (("primary", "gold", False, 14),
     [(CENSUS, None, None), (KS_COLLECTION, None, None), (KS_ANALYSIS, None, None), (TOP_UP, None, CAPITA_PRIMARY),
      (CDS, None, None), (MORE_PCS, 10, None)],
     [("Software installation and configuration", False), (ANTIVIRUS, True), (VIRUS_RECOVERY, True),
      ("Remote upgrades and installations", False), ("Support for Internet access", False)],
     []),
    # Brookside: Gold, YHGFL, 8 PCs: the antivirus updates and virus recovery become extras it can buy; SIMS from
    # more than 10 PCs does not concern it
    (("primary", "gold", True, 8),
     [(CENSUS, None, None), (KS_COLLECTION, None, None), (KS_ANALYSIS, None, None), (TOP_UP, None, CAPITA_PRIMARY),
      (ANTIVIRUS, None, None), (VIRUS_RECOVERY, None, None), (CDS, None, None)],
     [], []),
    # Valley: Core, not YHGFL, 4 PCs
    (("primary", "core", False, 4),
     [(CENSUS, None, None), (KS_COLLECTION, None, None), (KS_ANALYSIS, None, None), (TOP_UP, None, CAPITA_PRIMARY),
      (CDS, None, None)],
     [], []),
    # Moorside: Platinum+, YHGFL, 22 PCs
    (("primary-formerly-gm", "platinum-plus", True, 22),
     [(KS_COLLECTION, None, None), (KS_ANALYSIS, None, None), (TOP_UP, None, CAPITA_PRIMARY), (CDS, None, None)],
     [], []),
    # Platinum, not YHGFL: remote upgrades are for YHGFL schools only
    (("primary", "platinum", False, 30),
     [(KS_COLLECTION, None, None), (KS_ANALYSIS, None, None), (TOP_UP, None, CAPITA_PRIMARY), (CDS, None, None)],
     [("Remote upgrades and installations", False)], []),
    # Castle and Ridge: secondary schools have no inclusion table; the Capita top-up at secondary prices
    (("secondary", "silver", True, 40), [], [], [CAPITA_SECONDARY]),
    (("secondary-formerly-gm", "platinum", False, 35), [], [], [CAPITA_SECONDARY]),
]


@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


@pytest.mark.parametrize("school, optional, yhgfl_only, priced", CASES)
def test_what_costs_a_school_extra(catalog, school, optional, yhgfl_only, priced):
    school_type, tier, yhgfl, pcs = school
    extras = school_extras(catalog, School(name="A school", school_type=school_type, tier=tier, yhgfl=yhgfl,
                                           sims_pcs=pcs))
    assert [(extra.service, extra.sims_pcs_over, extra.offer) for extra in extras.optional] == optional
    assert [(item.service, item.optional) for item in extras.yhgfl_only] == yhgfl_only
    assert extras.priced_offers == priced
    assert [offer.title for offer in extras.other_offers] == ["Special Services", "Pay-as-you-use Services"]


def test_the_groups_of_the_extras_are_the_table_groups(catalog):
    school = School(name="Hill Top", school_type="primary", tier="gold", yhgfl=False, sims_pcs=14)
    extras = school_extras(catalog, school)
    assert [extra.group for extra in extras.optional] == [
        "Pupil Data: Collection, Validation, Analysis", "Pupil Data: Collection, Validation, Analysis",
        "Pupil Data: Collection, Validation, Analysis", "SIMS: Support on use of software",
        "SIMS: Technical Support", "SIMS: Technical Support"]
    assert [item.group for item in extras.yhgfl_only] == [
        "ICT Helpdesk", "ICT Helpdesk", "ICT Helpdesk", "SIMS: Technical Support", "Whole School Network"]
