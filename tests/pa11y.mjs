// pa11y (its HTML_CodeSniffer runner, standard WCAG2AA) over each address given, one after the other in one
// headless Chromium (Debian's), for tests/test_pa11y.py: a second engine beside axe-core.
// Usage: node tests/pa11y.mjs SETTINGS
//   SETTINGS, JSON: {"chromium": "/usr/bin/chromium", "runs": [[URL, width], ...], "hide": "CSS selector",
//                    "ignore": ["issue code", ...]}
// Prints one line of JSON for each run, in order: the errors pa11y found (warnings need a person's judgement and
// are left out: asking for them doubles the time) and every address the page requested, to show that it asked no
// other host.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [settings] = process.argv.slice(2);
const { chromium, runs, hide, ignore } = JSON.parse(settings);
const quiet = { debug() {}, info() {}, error: (message) => console.error(message) };

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-default-apps"],
});
try {
  for (const [url, width] of runs) {
    {
      // The page is opened here, not by pa11y, to record its requests and to wait for `load` only (pa11y waits
      // for the network to be quiet for half a second more on every page).
      const page = await browser.newPage();
      const requests = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: "load" });
      const result = await pa11y(url, {
        browser, page, ignoreUrl: true, runners: ["htmlcs"], standard: "WCAG2AA", hideElements: hide, ignore,
        includeWarnings: false, includeNotices: false, viewport: { width, height: 900 }, timeout: 60000, log: quiet,
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
