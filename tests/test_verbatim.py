"""Every text of the 2008/09 edition is the published specification's, word for word, or says it is not.

The edition is frozen under tests/fixtures/edition-2008-09 (the officer's data/ changes every year and gains
texts of its own); the published copy is tests/fixtures/source/specification-2008-09.txt, a copy of the scrape
the site was made from. A text not found word for word (see `verbatim`) must be listed below with the edition
note that tells readers what the site changed, and the element that holds it must carry that note; or it must
be listed as the site's own words (summaries and the like, which cite their clause).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from verbatim import normalise, not_verbatim, published

pytestmark = pytest.mark.unit

EDITION = FIXTURES / "edition-2008-09"
SOURCE = FIXTURES / "source" / "specification-2008-09.txt"
OWN_WORDS = "the site's own words"

DEPARTURES = {
    "services.yaml:title": "names-and-headings",
    "services.yaml:school_types.primary-formerly-gm.name": "names-and-headings",
    "services.yaml:school_types.secondary-formerly-gm.name": "names-and-headings",
    "services.yaml:phases.primary.tiers.core.description": "core-description",
    "services.yaml:phases.secondary.tiers.core.description": "core-description",
    "services.yaml:phases.primary.tiers.gold.scope": "tier-headings",
    "services.yaml:phases.secondary.tiers.silver.scope": "tier-headings",
    "services.yaml:phases.primary.tiers.platinum.description": "cost-by-school-type",
    "services.yaml:phases.primary.tiers.platinum-plus.title": "platinum-plus",
    "services.yaml:phases.secondary.tiers.silver.service_standards": "see-section-notes",
    "services.yaml:phases.secondary.tiers.silver.services.3": "see-section-notes",
    "services.yaml:phases.secondary.tiers.platinum.description": "slips",
    "services.yaml:phases.secondary.tiers.platinum.recommended_for.1": "see-section-notes",
    "services.yaml:matrices.primary.groups.Information management.name": "matrix-headings",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.all-schools.text":
        "quick-guide-all-schools",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.all-schools.items.0":
        "quick-guide-all-schools",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.all-schools.items.1":
        "quick-guide-all-schools",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.all-schools.items.2":
        "quick-guide-all-schools",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.all-schools.items.3":
        "quick-guide-all-schools",
    "services.yaml:sections.services.clauses.quick-guide.clauses.service-levels.clauses.supported-products.text":
        "quick-guide-all-schools",
    # A clause's summary and its label are the site's words by design: each cites its clause, and `make check`
    # refuses a summary that drops a term or tier its clause uses.
    "services.yaml:sections.contract-length.clauses.rolling-contract.summary_label": OWN_WORDS,
    "services.yaml:sections.contract-length.clauses.rolling-contract.summary": OWN_WORDS,
    "services.yaml:sections.contract-length.clauses.notice-period.summary_label": OWN_WORDS,
    "services.yaml:sections.contract-length.clauses.notice-period.summary": OWN_WORDS,
    "services.yaml:sections.contract-length.clauses.initial-commitment.summary_label": OWN_WORDS,
    "services.yaml:sections.contract-length.clauses.initial-commitment.summary": OWN_WORDS,
    "services.yaml:sections.charging.clauses.subscription-charging.summary": OWN_WORDS,
    "services.yaml:sections.charging.clauses.pay-as-you-use-charging.summary": OWN_WORDS,
    # The sentence that introduces the route for complaints, whose steps are the specification's words.
    "services.yaml:sections.complaints.clauses.escalation.text": OWN_WORDS,
}
"""Each text of the edition that is not the published words, and the note that says so (by id)."""


def _element(data: dict, path: str) -> dict:
    """The mapping that holds the text at `path` (a list entry by id, service or name, or position)."""
    node: object = data
    parts = path.split(".")
    holder = data
    for part in parts[:-1]:
        if isinstance(node, dict):
            holder = node
            node = node[part]
        else:
            assert isinstance(node, list)
            node = next((item for index, item in enumerate(node)
                         if isinstance(item, dict) and part in (item.get("id"), item.get("phase"), item.get("service"),
                                                                item.get("name"))
                         or str(index) == part), None)
        if isinstance(node, dict):
            holder = node
    return holder


def test_every_text_is_the_published_words_or_is_disclosed():
    missing = not_verbatim(EDITION, SOURCE)
    undisclosed = {path: text for path, text in missing.items() if path not in DEPARTURES}
    assert not undisclosed, "texts that are not the published words and carry no note:\n" + "\n".join(
        f"  {path}: {text[:100]!r}" for path, text in undisclosed.items())
    stale = sorted(set(DEPARTURES) - set(missing))
    assert not stale, f"listed as departures but found word for word (take them out of DEPARTURES): {stale}"


def test_each_departure_is_a_note_the_element_carries():
    site = yaml.safe_load((EDITION / "site.yaml").read_text(encoding="utf-8"))
    notes = {note["id"] for note in site["edition"]["notes"]}
    services = yaml.safe_load((EDITION / "services.yaml").read_text(encoding="utf-8"))
    for path, note in DEPARTURES.items():
        if note == OWN_WORDS:
            continue
        assert note in notes, f"{path}: no edition note {note!r} in site.yaml"
        name, _, key_path = path.partition(":")
        if name != "services.yaml":
            continue
        holder = _element(services, key_path)
        carried = holder.get("edition_notes", []) + ([holder["edition_note"]] if holder.get("edition_note") else [])
        if "edition_notes" in holder or "edition_note" in holder:
            assert note in carried, f"{path}: its element carries {carried}, not {note!r}"


def test_a_text_changed_without_a_note_is_reported(tmp_path: Path):
    edition = tmp_path / "data"
    shutil.copytree(EDITION, edition)
    services = edition / "services.yaml"
    text = services.read_text(encoding="utf-8")
    assert text.count("- Maintenance of SIMS.net and FMS databases.") == 1
    services.write_text(text.replace("- Maintenance of SIMS.net and FMS databases.",
                                     "- Maintenance of SIMS.net databases."), encoding="utf-8")
    missing = not_verbatim(edition, SOURCE)
    assert missing == {**{path: missing[path] for path in DEPARTURES},
                       "services.yaml:phases.primary.tiers.gold.services.5": "Maintenance of SIMS.net databases."}


def test_a_section_reference_must_have_the_clause_number_the_copy_gives(tmp_path: Path):
    """The rolling contract points to the notice period as the copy's "set out in 5.3"; pointing it at another
    clause (5.4) is a change."""
    edition = tmp_path / "data"
    shutil.copytree(EDITION, edition)
    services = edition / "services.yaml"
    text = services.read_text(encoding="utf-8")
    old = "in {section:notice-period}."
    assert text.count(old) == 1
    services.write_text(text.replace(old, "in {section:initial-commitment}."), encoding="utf-8")
    assert set(not_verbatim(edition, SOURCE)) - set(DEPARTURES) == {
        "services.yaml:sections.contract-length.clauses.rolling-contract.text"}


def test_quotes_and_whitespace_are_normalised_and_list_markers_taken_out(tmp_path: Path):
    assert normalise("the \u2018whole school\u2019 server\n  and \u201cthis\u201d") == (
        "the 'whole school' server and \"this\"")
    source = tmp_path / "copy.txt"
    source.write_text("Services include:- one;\n- two.\nLow impact - more", encoding="utf-8")
    assert published(source) == "Services include: one; two. Low impact - more"


def test_the_frozen_copy_of_the_published_specification_is_the_scrape():
    text = SOURCE.read_text(encoding="utf-8")
    assert text.startswith("Traded services\nICT and information management\n")
    assert "Capita SIMS Top-Up Subscription Service Prices 2008/09" in text
