"""In Chromium: tables on a phone are cards (each row's name, then one labelled line per column), nothing
is clipped or scrolls sideways; on a wide screen a long table's column headings stay in view; print and
screen readers still get tables."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import page_sample

pytestmark = pytest.mark.browser

PHONES = [320, 390]
PAGES = [
    "/entitlement/primary/",
    "/compare/primary/",
    "/compare/secondary/",
    "/schools/example-brookside-primary-school-fictional/",
    "/specification/services/",
    "/schools/",
]
SECONDARY_TIERS = ["Core", "Silver", "Platinum"]

# Every table on the page, as the reader sees it: the cells that are drawn, the ones drawn beyond the
# viewport or cut off inside their box, the group headings, and where each row's parts are.
LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const drawn = element => element.getClientRects().length > 0;
  const box = element => element.getBoundingClientRect();
  const name = element => element.textContent.replace(/\\s+/g, " ").trim().slice(0, 60);
  const tables = [...document.querySelectorAll("article .table-wrap table")];
  const cells = tables.flatMap(table => [...table.querySelectorAll("tbody th, tbody td")]).filter(drawn);
  return {
    tables: tables.length,
    headings: tables.map(table => {
      const r = box(table.tHead);
      return {width: r.width, height: r.height, display: getComputedStyle(table.tHead).display};
    }),
    clipped: cells.filter(cell => {
      const r = box(cell);
      return r.left < -0.5 || r.right > width + 0.5 || cell.scrollWidth > cell.clientWidth;
    }).map(name),
    groups: tables.flatMap(table => [...table.querySelectorAll("tr.group-row")].map(row => {
      const next = row.nextElementSibling;
      const heading = row.querySelector("th[scope=rowgroup]");
      const r = box(heading);
      return {name: name(heading), drawn: drawn(heading), left: r.left, right: r.right, bottom: r.bottom,
              next_top: next ? box(next).top : null};
    })),
    cards: tables.flatMap(table => [...table.querySelectorAll("tbody tr:not(.group-row)")].filter(drawn)
      .map(row => {
        const header = row.querySelector("th[scope=row]");
        const data = [...row.querySelectorAll("td")].filter(drawn);
        return {header_bottom: box(header).bottom, cell_tops: data.map(cell => box(cell).top),
                labels: data.map(cell => cell.dataset.label),
                columns: data.map(cell => name(table.tHead.rows[0].cells[cell.cellIndex])),
                shown: data.map(cell => getComputedStyle(cell, "::before").content)};
      })),
  };
}"""


def layout(page: Page, url: str, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    return page.evaluate(LAYOUT)


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", PAGES)
def test_tables_are_cards_on_a_phone_and_nothing_is_clipped(page, site_url, path, width):
    found = layout(page, site_url + path, width)
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{path} scrolls sideways at {width}px: {scroll}px wide"
    assert found["tables"] > 0
    assert found["clipped"] == [], f"cells cut off at {width}px"
    # The column headings are still in each table (for screen readers), drawn nowhere.
    assert all(h["display"] != "none" and h["width"] <= 1 and h["height"] <= 1 for h in found["headings"])
    for card in found["cards"]:
        # The row's name first, then each column's line, labelled with the column's heading.
        assert all(top >= card["header_bottom"] - 0.5 for top in card["cell_tops"]), card
        assert card["labels"] == card["columns"]
        # Shown before the cell's text, and not read out (an empty alternative after the "/").
        assert card["shown"] == [f'"{label}: " / ""' for label in card["labels"]], card
    for group in found["groups"]:
        assert group["drawn"] and group["left"] >= 0 and group["right"] <= client, group
        # A group heading sits right above its first row.
        assert group["next_top"] is not None and 0 <= group["next_top"] - group["bottom"] < 40, group


@pytest.mark.parametrize("width", PHONES)
def test_secondary_comparison_shows_every_tier_of_every_service(page, site_url, width):
    """The table once cut off the Platinum column on a phone, so Platinum read as the tier next to it."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/compare/secondary/")
    rows = page.locator("article .table-wrap table tbody tr:not(.group-row)")
    assert rows.count() > 10
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td")
        expect(cells).to_have_count(len(SECONDARY_TIERS))
        for column, tier in enumerate(SECONDARY_TIERS):
            cell = cells.nth(column)
            expect(cell).to_be_visible()
            cell_box = cell.bounding_box()
            assert cell_box["x"] >= 0 and cell_box["x"] + cell_box["width"] <= width, (tier, cell_box)
            expect(cell).to_have_attribute("data-label", tier)
            shown = page.evaluate("(cell) => getComputedStyle(cell, '::before').content", cell.element_handle())
            assert shown == f'"{tier}: " / ""'
            # The tier's name comes before its status, on the same line.
            status_box = cell.locator(".status").bounding_box()
            assert status_box["x"] > cell_box["x"] + 20 and abs(cell_box["y"] - status_box["y"]) < 8


def test_a_tier_page_is_one_tier_a_card_and_both_yhgfl_answers_side_by_side(page, site_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "/entitlement/primary/gold/")
    table = page.locator("#services + div table")
    software = table.locator("tbody tr", has=page.locator("th", has_text="Software installation and configuration"))
    gold = software.locator("td:visible")
    expect(gold).to_have_count(1)
    expect(gold).to_have_attribute("data-label", "Gold")
    expect(gold).to_have_text("YHGFL schools only", use_inner_text=True)
    both = page.locator(".yhgfl-table table tbody tr", has=page.locator("th", has_text="Software installation"))
    expect(both.locator("td")).to_have_text(["Included", "Not included"], use_inner_text=True)
    expect(both.locator("td").first).to_have_attribute("data-label", "A YHGFL school")


@pytest.mark.parametrize("width", [601, 768])
def test_tables_fit_the_page_above_the_phone_layout(page, built_site, site_url, width):
    """From 601px the tables are tables again, in a wrapper that no longer scrolls (so that their headings can
    stick): every table must fit the page, wrapping its text, at the narrowest of these widths and a tablet's. Two
    pages of each kind and the heaviest (`page_sample`), which include every table template."""
    page.set_viewport_size({"width": width, "height": 800})
    too_wide = []
    for path in page_sample(built_site):
        if "<table" not in (built_site / path).read_text(encoding="utf-8"):
            continue
        page.goto(f"{site_url}/{path}")
        widths = page.evaluate("""() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
            ...[...document.querySelectorAll('article .table-wrap')].map(wrap =>
                wrap.querySelector('table').getBoundingClientRect().width - wrap.clientWidth)]""")
        if widths[0] > widths[1] or any(extra > 0.5 for extra in widths[2:]):
            too_wide.append(f"{path}: {widths}")
    assert too_wide == []


@pytest.mark.parametrize("width", [768, 1280])
@pytest.mark.parametrize("path, table", [
    ("/entitlement/primary/gold/", "#services + div table"),
    ("/compare/primary/", ".comparison table >> nth=0"),
    ("/schools/example-brookside-primary-school-fictional/", "article .table-wrap table"),
])
def test_column_headings_stay_in_view_down_a_long_table(page, site_url, path, table, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    target = page.locator(table)
    box = target.bounding_box()
    assert box["height"] > 2 * 900, "a long table"
    page.evaluate("(y) => window.scrollTo(0, y)", box["y"] + box["height"] / 2)
    header = page.locator(".md-header").bounding_box()
    for heading in target.locator("thead th").all():
        top = heading.bounding_box()["y"]
        assert header["y"] + header["height"] - 1 <= top < 900, (top, header)
    expect(target.locator("thead th").first).to_be_in_viewport()


def test_tables_keep_their_semantics_and_labels_are_not_read_twice(page, site_url):
    """Chromium's accessibility tree is the same for the cards as for the table, and a cell's name is its
    status only: the label before it is hidden from screen readers, which announce the column header."""
    def tree(width: int) -> tuple[dict, list[str]]:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site_url + "/compare/primary/")
        nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        roles: dict[str, int] = {}
        for node in nodes:
            role = node.get("role", {}).get("value")
            if role in ("table", "row", "columnheader", "rowheader", "cell"):
                roles[role] = roles.get(role, 0) + 1
        names = [node.get("name", {}).get("value", "") for node in nodes if node.get("role", {}).get("value") == "cell"]
        return roles, names

    wide, _ = tree(1280)
    cards, names = tree(390)
    assert cards == wide and cards["cell"] > 100
    tiers = ("Core", "Gold", "Platinum", "Platinum+")
    assert [name for name in names if name.startswith(tiers)] == []


def test_printing_a_phone_page_prints_tables(page, site_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "/compare/primary/")
    page.emulate_media(media="print")
    table = page.locator(".comparison table").first
    display = page.evaluate("""(table) => [getComputedStyle(table).display,
        getComputedStyle(table.querySelector('tbody tr:not(.group-row)')).display,
        getComputedStyle(table.querySelector('td')).display,
        getComputedStyle(table.querySelector('td'), '::before').content,
        table.tHead.getBoundingClientRect().height]""", table.element_handle())
    assert display[:4] == ["table", "table-row", "table-cell", "none"] and display[4] > 10
