/**
 * Reading the built site as a user would: served by a plain static file server
 * (no rewriting, as `npm run serve` and python3 -m http.server do), every link
 * resolves; no page scrolls sideways on a phone; the browser's dark preference
 * turns the site dark; a table searches and pages; a filter set in the URL
 * survives a reload and follows the reader to the next page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { staticServer } from "../../loaders/cli/serve.ts";
import { CHART_WAIT, launch } from "../helpers/chromium.ts";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { exportedDataset, sampleSite, sitePages } from "../helpers/site.ts";

vi.setConfig({ testTimeout: 900_000 });

let out: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof staticServer>>;
let pages: string[];

beforeAll(async () => {
  out = await sampleSite();
  server = await staticServer(out);
  browser = await launch();
  // every page as the file a static server holds: / is index.html, /risk is risk.html
  pages = sitePages(out).map((p) => (p === "/" ? "/" : `${p}.html`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { width?: number; dark?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
  const page = await ctx.newPage();
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  // charts draw asynchronously
  await page.waitForFunction(() => [...document.querySelectorAll("[data-chart]")].every((c) => c.querySelector("svg, canvas, .empty")), null, { timeout: CHART_WAIT }).catch(() => {});
  return page;
}

describe("the site on a plain static file server", () => {
  it("resolves every sidebar, page and footer link of every page, and no page scrolls sideways at 390 px", async () => {
    expect(pages).toContain("/risk.html");
    expect(pages.some((p) => p.startsWith("/csm/"))).toBe(true);
    expect(pages).toContain("/docs/metrics.html");
    const links = new Map<string, string>(); // target → the page that links to it
    const wide: string[] = [];
    for (const path of pages) {
      const page = await open(path, { width: 390 });
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scrollWidth > innerWidth) wide.push(`${path}: ${scrollWidth} px wide at ${innerWidth}`);
      const hrefs = await page.$$eval("#observablehq-sidebar a[href], #observablehq-main a[href], #observablehq-footer a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const h of hrefs) {
        const u = new URL(h);
        if (u.origin !== server.url || u.protocol === "blob:") continue;
        u.hash = "";
        if (!links.has(u.href)) links.set(u.href, path);
      }
      await page.context().close();
    }
    expect(wide).toEqual([]);
    // the sidebar alone links every top page; the CSM table links every CSM page
    expect(links.size).toBeGreaterThan(pages.length - 1);
    const broken: string[] = [];
    for (const [url, from] of links) {
      const r = await fetch(url);
      if (r.status !== 200) broken.push(`${url} (linked from ${from}): HTTP ${r.status}`);
    }
    expect(broken).toEqual([]);
    // every page is the target of some link: nothing is reachable only by typing its address
    const linked = new Set([...links.keys()].map((u) => new URL(u).pathname));
    expect(pages.filter((p) => !linked.has(p) && !(p === "/" && (linked.has("/index.html") || linked.has("/"))))).toEqual([]);
  });
});

describe("dark mode", () => {
  it("follows the browser's preference: dark page, light chart text", async () => {
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const look = async (dark: boolean) => {
      const page = await open("/revenue.html", { dark });
      const colors = await page.evaluate(() => {
        // any CSS colour (oklch, color(srgb …)) as rgb(), by painting it on a canvas
        const ctx = document.createElement("canvas").getContext("2d")!;
        const rgb = (c: string) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data; return `rgb(${r}, ${g}, ${b})`; };
        return {
          // the page's background is painted by <html> or <body>, whichever sets one
          background: rgb([document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor).find((c) => !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) ?? "white"),
          text: rgb(getComputedStyle(document.querySelector("#observablehq-main h1")!).color),
          chartTitle: rgb(getComputedStyle(document.querySelector("[data-chart] svg .role-title-text text")!).fill),
          axisLabel: rgb(getComputedStyle(document.querySelector("[data-chart] svg .role-axis-label text")!).fill),
        };
      });
      await page.context().close();
      return colors;
    };
    const light = await look(false);
    const dark = await look(true);
    expect(luminance(light.background)).toBeGreaterThan(0.8);
    expect(luminance(dark.background)).toBeLessThan(0.2);
    expect(luminance(dark.text)).toBeGreaterThan(0.6);
    // chart text takes the theme's colours: a chart title stays dark on a dark page without them
    expect(luminance(light.chartTitle)).toBeLessThan(0.3);
    expect(luminance(dark.chartTitle)).toBeGreaterThan(0.6);
    // axis labels are muted, yet clearly apart from the background in both themes
    for (const t of [light, dark]) expect(Math.abs(luminance(t.axisLabel) - luminance(t.background))).toBeGreaterThan(0.3);
  });
});

describe("tables", () => {
  it("page through rows and find one by search", async () => {
    const page = await open("/risk.html");
    // the per-account volatility table: one row per scored account, far more than a page
    const block = page.locator(".data-table-block").filter({ has: page.locator("th", { hasText: "changes per 90 days" }) });
    const note = block.locator(".table-count");
    const total = Number((await note.textContent())!.match(/of ([\d,]+) rows/)![1].replaceAll(",", ""));
    expect(total).toBeGreaterThan(100);
    expect(await note.textContent()).toBe(`1–25 of ${total.toLocaleString("en-US")} rows`);
    expect(await block.locator("tbody tr").count()).toBe(25);
    const firstOfPage1 = await block.locator("tbody tr").first().textContent();
    await block.getByRole("button", { name: "Next ›" }).click();
    expect(await note.textContent()).toBe(`26–50 of ${total.toLocaleString("en-US")} rows`);
    expect(await block.locator("tbody tr").first().textContent()).not.toBe(firstOfPage1);
    await block.getByLabel("Rows per page").selectOption({ label: "100 per page" });
    expect(await block.locator("tbody tr").count()).toBe(100);
    // search for the account in the first row of page 2: every row left names it, and the count says how many
    const name = (await block.locator("tbody tr").nth(30).locator("td").first().textContent())!;
    await block.getByLabel("Search this table").fill(name);
    const rows = await block.locator("tbody tr").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.toLowerCase()).toContain(name.toLowerCase());
    expect(await note.textContent()).toBe(`${rows.length} ${rows.length === 1 ? "match" : "matches"} of ${total.toLocaleString("en-US")} rows`);
    await block.getByLabel("Search this table").fill("no account is called this");
    expect(await block.locator("tbody").textContent()).toContain("No row matches");
    await page.context().close();
  });
});

describe("filters", () => {
  it("are restored from the URL on reload and carried to the next page", async () => {
    const page = await open("/revenue.html");
    const segment = page.locator(".filter-bar label", { hasText: "Segment" }).locator("select");
    const region = page.locator(".filter-bar label", { hasText: "Region" }).locator("select");
    // the filter bar sits right under the title
    expect(await page.evaluate(() => document.querySelector("#observablehq-main h1")!.nextElementSibling!.querySelector(".filter-bar") !== null)).toBe(true);
    const choice = (await segment.locator("option").nth(1).textContent())!;
    await segment.selectOption({ label: choice });
    await page.waitForFunction((s) => new URL(location.href).searchParams.get("segment") === s, choice);
    const regionChoice = (await region.locator("option").nth(1).textContent())!;
    await region.selectOption({ label: regionChoice });
    await page.waitForFunction((s) => new URL(location.href).searchParams.get("region") === s, regionChoice);
    const url = page.url();
    await page.reload({ waitUntil: "networkidle" });
    expect(page.url()).toBe(url);
    expect(await segment.locator("option:checked").textContent()).toBe(choice);
    expect(await region.locator("option:checked").textContent()).toBe(regionChoice);
    // the sidebar carries the filters to Risk, whose own filter bar opens on them
    const toRisk = page.locator("#observablehq-sidebar a[href*='risk.html']");
    expect(await toRisk.getAttribute("href")).toContain(`segment=${encodeURIComponent(choice).replaceAll("%20", "+")}`);
    await toRisk.click();
    await page.waitForURL(/risk\.html\?/);
    await page.waitForSelector(".filter-bar");
    const riskSegment = page.locator(".filter-bar label", { hasText: "Segment" }).locator("select");
    expect(await riskSegment.locator("option:checked").textContent()).toBe(choice);
    await page.context().close();
  });
  it("narrow the home page's red-pie card to the chosen segment", async () => {
    const page = await open("/");
    const segment = page.locator(".filter-bar label", { hasText: "Segment" }).locator("select");
    const choice = (await segment.locator("option").nth(1).textContent())!;
    await segment.selectOption({ label: choice });
    await page.getByRole("heading", { name: `Is the red pie honest? — ${choice}` }).waitFor();
    // the card's first figure must be the SQL book view of that segment on its latest closed quarter
    const verdicts = toRows((await exportedDataset("risk")).tables.book_verdicts as never)
      .filter((r) => r.dimension === "segment" && r.dimension_value === choice && r.closed);
    const latest = verdicts.sort((a, b) => String(a.quarter_start).localeCompare(String(b.quarter_start))).at(-1)!;
    const note = `${Number(latest.red_accounts).toLocaleString("en-US")} of ${Number(latest.active_accounts).toLocaleString("en-US")} active accounts`;
    await page.getByText(note).first().waitFor();
    expect(await page.locator(".kpi", { hasText: `Red share on ${latest.quarter_start}` }).textContent()).toContain(note);
    await page.context().close();
  });
});
