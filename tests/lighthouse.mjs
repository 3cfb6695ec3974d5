// Lighthouse's mobile performance (its default: a mid-range phone, simulated slow 4G and a 4x slower CPU) of
// each address given, one after the other in one headless Chromium, for `make bench` (tests/benchmark.py).
// Usage: CHROME_PATH=/usr/bin/chromium node tests/lighthouse.mjs URL...
// Prints one line of JSON a run: the performance score (0-100), the metrics in milliseconds, the number of
// elements of the page and every address the page requested (to show that it asked no other host).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const AUDITS = ["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time",
                "cumulative-layout-shift", "dom-size", "network-requests"];

// Lighthouse's defaults, but for its waits after the page has loaded (a second each, for pages on the internet;
// these pages are local and simulated throttling measures them from the trace) and its full-page screenshot,
// which no measure uses: a run of a page takes about half the time.
const CONFIG = {
  extends: "lighthouse:default",
  settings: { onlyAudits: AUDITS, disableFullPageScreenshot: true, pauseAfterFcpMs: 500, pauseAfterLoadMs: 500,
              networkQuietThresholdMs: 500, cpuQuietThresholdMs: 500 },
};

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps"],
});
try {
  for (const url of process.argv.slice(2)) {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }, CONFIG);
    const { audits, categories, runtimeError } = result.lhr;
    if (runtimeError) { throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`); }
    const metric = (id) => Math.round(audits[id].numericValue);
    console.log(JSON.stringify({
      url,
      score: Math.round(categories.performance.score * 100),
      tbt: metric("total-blocking-time"),
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      cls: audits["cumulative-layout-shift"].numericValue,
      elements: metric("dom-size"),
      requests: audits["network-requests"].details.items.map((item) => item.url),
    }));
  }
} finally {
  await chrome.kill();
}
