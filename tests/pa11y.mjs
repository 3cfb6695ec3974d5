// pa11y (its HTML_CodeSniffer runner, standard WCAG2AA) over each address given, one after the other in one
// headless Chromium (Debian's), for tests/test_pa11y.py: a second engine beside axe-core.
// Usage: node tests/pa11y.mjs SETTINGS URL...
//   SETTINGS, JSON: {"chromium": "/usr/bin/chromium", "widths": [1280, 390], "hide": "CSS selector",
//                    "ignore": ["issue code", ...]}
// Prints one line of JSON for each address at each width: the issues pa11y found (errors, and the warnings, which
// need a person's judgement) and every address the page requested, to show that it asked no other host.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [settings, ...urls] = process.argv.slice(2);
const { chromium, widths, hide, ignore } = JSON.parse(settings);
const quiet = { debug() {}, info() {}, error: (message) => console.error(message) };

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-default-apps"],
});
try {
  for (const width of widths) {
    for (const url of urls) {
      // The page is opened here, not by pa11y, to record its requests and to wait for `load` only (pa11y waits
      // for the network to be quiet for half a second more on every page).
      const page = await browser.newPage();
      const requests = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: "load" });
      const result = await pa11y(url, {
        browser, page, ignoreUrl: true, runners: ["htmlcs"], standard: "WCAG2AA", hideElements: hide, ignore,
        includeWarnings: true, includeNotices: false, viewport: { width, height: 900 }, timeout: 60000, log: quiet,
      });
      await page.close();
      console.log(JSON.stringify({
        url, width, requests,
        issues: result.issues.map(({ code, type, message, selector, context }) =>
          ({ code, type, message, selector, context: (context || "").slice(0, 200) })),
      }));
    }
  }
} finally {
  await browser.close();
}
