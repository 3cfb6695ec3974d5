"""Keyboard and pointer, in Chromium: Tab reaches every link and control of each kind of page at desktop and phone
widths, each focused element shows a focus indicator (at least 2px, 3:1 against what is around it) and is in
sight, the closed navigation drawer is out of the tab order, and controls are big enough to hit (WCAG 2.4.7,
2.4.11, 2.5.8; 44px for form controls and their labels). The drawer opens by pointer, by keyboard and without
JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import watched_page

pytestmark = pytest.mark.browser

# One page of each kind.
PAGES = ["", "entitlement/primary/", "compare/primary/", "schools/",
         "schools/example-hill-top-primary-school-fictional/", "specification/services/", "changes/",
         "response-times/", "about-this-edition/", "accessibility/", "404.html", "plan/secondary/"]
WIDTHS = [1280, 390]
MOST_TAB_STOPS = 400

# What the focused element is, run in the page: whether it is in sight (a box of its own within the viewport once
# scrolled to, not under something else), whether its focus shows (a part of its outline, box shadow or
# background that it has only when focused, at least 2px thick, with 3:1 contrast against the background around
# it), and its size and that of its label (for radios and checkboxes, the label is the target).
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) { return null; }
  element.scrollIntoView({block: "center", inline: "nearest"});
  const box = element.getBoundingClientRect();
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
  const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
  const inView = box.width > 0 && box.height > 0 && bottom > top && right > left &&
                 element.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const hit = inView && document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  const label = element.labels && element.labels[0];
  const onTop = Boolean(hit) && (element.contains(hit) || hit.contains(element) || (label && label.contains(hit)));

  function rgba(text) {
    const [r, g, b, a] = (text.match(/[\\d.]+/g) || []).map(Number);
    return a === undefined ? [r, g, b, 1] : [r, g, b, a];
  }
  function luminance([r, g, b]) {
    const [R, G, B] = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  }
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  function around(node) {  // the first opaque background behind `node`
    for (let parent = node.parentElement; parent; parent = parent.parentElement) {
      const colour = rgba(getComputedStyle(parent).backgroundColor);
      if (colour[3] === 1) { return colour; }
    }
    return [255, 255, 255, 1];
  }
  function shadows(text) {  // [colour, thickness] of each box shadow
    if (text === "none") { return []; }
    return text.split(/,(?![^(]*\\))/).map(part => {
      const colour = part.match(/rgba?\\([^)]*\\)/)[0];
      const sizes = part.replace(colour, "").match(/-?[\\d.]+px/g).map(parseFloat);
      const [x, y, blur, spread] = [sizes[0] || 0, sizes[1] || 0, sizes[2] || 0, sizes[3] || 0];
      return [rgba(colour), Math.max(Math.abs(x), Math.abs(y)) + spread];
    });
  }
  function parts(style, box) {
    const found = {};
    if (style.outlineStyle !== "none") {
      found.outline = [[rgba(style.outlineColor), parseFloat(style.outlineWidth)]];
    }
    found.shadow = shadows(style.boxShadow);
    found.background = [[rgba(style.backgroundColor), Math.min(box.width, box.height)]];
    return found;
  }
  // The element unfocused: a copy of it beside it, without its contents.
  const copy = element.cloneNode(false);
  copy.removeAttribute("id");
  element.after(copy);
  const plain = getComputedStyle(copy);
  const unfocused = {outline: plain.outlineStyle + plain.outlineWidth + plain.outlineColor,
                     shadow: plain.boxShadow, background: plain.backgroundColor};
  const style = getComputedStyle(element);
  const focused = {outline: style.outlineStyle + style.outlineWidth + style.outlineColor,
                   shadow: style.boxShadow, background: style.backgroundColor};
  copy.remove();
  const behind = around(element);
  const indicators = [];
  for (const [kind, list] of Object.entries(parts(style, box))) {
    if (focused[kind] === unfocused[kind]) { continue; }
    for (const [colour, thickness] of list) {
      if (colour[3] > 0) { indicators.push([kind, thickness, Math.round(contrast(colour, behind) * 10) / 10]); }
    }
  }
  const shows = indicators.some(([kind, thickness, ratio]) => thickness >= 2 && ratio >= 3);

  // A link in a sentence (its block holds other words) is exempt from the target size (WCAG 2.5.8, inline).
  let block = element.parentElement;
  while (block && getComputedStyle(block).display.startsWith("inline")) { block = block.parentElement; }
  const words = s => (s || "").replace(/[\\s.,;:()]+/g, "");
  const inline = element.tagName === "A" && getComputedStyle(element).display === "inline" &&
                 words(block && block.textContent).length > words(element.textContent).length;
  const type = (element.getAttribute("type") || "").toLowerCase();
  const target = ["radio", "checkbox"].includes(type) && label ? label.getBoundingClientRect() : box;
  const control = ["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(element.tagName) ||
                  element.getAttribute("role") === "button";
  const name = (element.getAttribute("aria-label") || element.textContent || element.value || "").trim();
  return {
    what: element.tagName.toLowerCase() + (type ? `[${type}]` : "") + " " + JSON.stringify(name.slice(0, 40)),
    inDrawer: Boolean(element.closest(".md-sidebar--primary")),
    inView, onTop, shows, indicators,
    size: [Math.round(target.width), Math.round(target.height)],
    least: control ? 44 : inline ? 0 : 24,
  };
}"""


def focused(page) -> dict | None:
    """What FOCUSED says of the focused element, once a part sliding or fading in (the skip link, a permalink,
    search, the drawer) has settled: asked again for up to two seconds while it is not in sight or its focus not
    showing."""
    found = page.evaluate(FOCUSED)
    for _ in range(20):
        if found is None or (found["inView"] and found["onTop"] and found["shows"]):
            break
        page.wait_for_timeout(100)
        found = page.evaluate(FOCUSED)
    return found


def walk(page, width: int) -> tuple[list[str], int]:
    """Tab from the top of the page until the focus leaves it; the problems found at each stop, and how many."""
    problems, first = [], None
    for stop in range(1, MOST_TAB_STOPS + 1):
        page.keyboard.press("Tab")
        found = focused(page)
        if found is None or found["what"] == first:
            return problems, stop - 1
        first = first or found["what"]
        where = f"{width}px, stop {stop}, {found['what']}"
        if not (found["inView"] and found["onTop"]):
            problems.append(f"{where}: out of sight")
        if width < 1220 and found["inDrawer"] and not page.locator("#__drawer").is_checked():
            problems.append(f"{where}: in the closed navigation drawer")
        if not found["shows"]:
            problems.append(f"{where}: no focus indicator of 2px and 3:1 ({found['indicators']})")
        if min(found["size"]) < found["least"]:
            problems.append(f"{where}: {found['size'][0]}x{found['size'][1]}px, under {found['least']}px")
    raise AssertionError(f"{width}px: still on the page after {MOST_TAB_STOPS} presses of Tab")


@pytest.mark.parametrize("width", WIDTHS, ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES, ids=[path.strip("/") or "home" for path in PAGES])
def test_tab_reaches_every_control_in_sight_with_its_focus_showing(browser, site_url, path, width):
    with watched_page(browser, site_url, viewport={"width": width, "height": 900}) as page:
        page.goto(f"{site_url}/{path}", wait_until="load")
        problems, stops = walk(page, width)
    assert not problems, "\n".join(problems)
    assert stops >= 5


def test_the_drawer_opens_and_closes_by_keyboard(browser, site_url):
    with watched_page(browser, site_url, viewport={"width": 390, "height": 800}) as page:
        page.goto(site_url + "/entitlement/primary/", wait_until="load")
        menu = page.get_by_role("button", name="Menu")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        drawer = page.locator(".md-sidebar--primary")
        expect(drawer).to_be_visible()
        # The focus moves into the drawer, to the first entry in sight: the drawer opens on this page's section,
        # whose title leads back to the list of sections.
        back = drawer.locator("label.md-nav__title", has_text="What is my school entitled to?")
        expect(back).to_be_focused()
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_text("Primary schools")  # this page, the section's first entry
        back.focus()
        page.keyboard.press("Enter")
        expect(drawer.get_by_role("link", name="Secondary schools", exact=True)).to_be_hidden()
        page.keyboard.press("Tab")
        expect(drawer.locator("label.md-nav__link", has_text="Specification")).to_be_focused()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(drawer.get_by_role("link", name="1 What is the purpose of this document?")).to_be_focused()
        page.keyboard.press("Escape")
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(drawer).to_be_hidden()


def test_tab_in_the_open_drawer_stays_in_sight(browser, site_url):
    """The entries that an open panel of the drawer covers are out of the tab order."""
    with watched_page(browser, site_url, viewport={"width": 390, "height": 800}) as page:
        page.goto(site_url + "/specification/services/", wait_until="load")
        page.get_by_role("button", name="Menu").focus()
        page.keyboard.press("Enter")
        problems, stops = [], 0
        while page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
            found = focused(page)
            stops += 1
            if not (found["inView"] and found["onTop"] and found["shows"]):
                problems.append(f"stop {stops}, {found['what']}: {found}")
            page.keyboard.press("Tab")
            assert stops < 60
        assert not problems, "\n".join(problems)
        assert stops >= 10  # the section's title and its 14 pages (this one opening its contents)


def test_the_drawer_opens_by_pointer_and_without_javascript(browser, site_url):
    for javascript in (True, False):
        with watched_page(browser, site_url, viewport={"width": 390, "height": 800},
                          java_script_enabled=javascript) as page:
            page.goto(site_url + "/specification/purpose/", wait_until="load")
            drawer = page.locator(".md-sidebar--primary")
            expect(drawer).to_be_hidden()
            # It slides in and out (Material's transition); closing, it is hidden once it has slid away.
            properties, delays = drawer.evaluate(
                "e => [getComputedStyle(e).transitionProperty, getComputedStyle(e).transitionDelay]")
            assert dict(zip(properties.split(", "), delays.split(", "), strict=True)) == {
                "transform": "0s", "box-shadow": "0s", "visibility": "0.25s"}
            # Material's label, or with JavaScript the button that site.js puts in its place
            page.locator(".md-header .md-header__button:is([for='__drawer'], [data-drawer-button])").click()
            expect(drawer).to_be_visible()
            link = drawer.get_by_role("link", name="3 Service Standards")
            expect(link).to_be_visible()
            link.focus()
            expect(link).to_be_focused()
            page.locator("label.md-overlay").click(position={"x": 370, "y": 400})
            expect(drawer).to_be_hidden()
