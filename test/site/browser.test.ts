/**
 * The built site in a real browser: build from the bundled sample book, serve
 * dist on loopback, open every page in headless Chromium. Fails on any console
 * error, uncaught exception, failed or off-machine request, or a chart
 * container with no rendered chart. Screenshots go to test-results/screenshots.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATASETS } from "../../loaders/datasets/index.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { CHART_WAIT, launch } from "../helpers/chromium.ts";
import { teamTables } from "../../loaders/datasets/csm-shards.ts";
import { publishedDataset, sampleReport, sampleSite, serve, sitePages } from "../helpers/site.ts";

// Whole-site builds and page-by-page browsing take minutes on a 2-core machine.
vi.setConfig({ testTimeout: 900_000 });

let out: string;
const shots = join(ROOT, "test-results", "screenshots");
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  out = await sampleSite();
  server = await serve(out);
  browser = await launch();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every page of the sample site", () => {
  it("renders without errors, failed requests or empty charts", async () => {
    const pages = sitePages(out);
    expect(pages).toContain("/");
    expect(pages).toContain("/data-quality");
    const failures: string[] = [];
    for (const path of pages) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
      page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
      page.on("request", (r) => {
        const host = new URL(r.url()).hostname;
        if (!["127.0.0.1", "localhost"].includes(host) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) problems.push(`off-machine request: ${r.url()}`);
      });
      await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
      const charts = await page.locator("[data-chart]").count();
      // Vega renders asynchronously: give every chart container time to receive its SVG.
      await page.waitForFunction(() => [...document.querySelectorAll("[data-chart]")].every((c) => c.querySelector("svg, canvas")), null, { timeout: CHART_WAIT })
        .catch(() => {});
      const empty = await page.locator("[data-chart]").evaluateAll((els) => els.filter((c) => !c.querySelector("svg, canvas")).length);
      if (empty) problems.push(`${empty} of ${charts} chart containers rendered no chart`);
      const errorCells = await page.locator(".observablehq--error").allTextContents();
      for (const e of errorCells) problems.push(`cell error: ${e.slice(0, 300)}`);
      await page.screenshot({ path: join(shots, `${path === "/" ? "index" : path.slice(1).replaceAll("/", "_")}.png`), fullPage: true });
      await page.close();
      for (const p of problems) failures.push(`${path}: ${p}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("privacy of the published site", () => {
  it("holds none of the sample's contact ids or titles anywhere in dist/", async () => {
    const db = await Db.open();
    const contacts = await db.rows<{ contact_id: string; title: string | null }>(`select contact_id, title from read_parquet('${join(ROOT, "data", "contacts.parquet")}')`);
    db.close();
    const ids = new Set(contacts.map((c) => c.contact_id));
    const titles = [...new Set(contacts.map((c) => c.title).filter((t): t is string => !!t))];
    const leaks: string[] = [];
    for (const f of readdirSync(out, { recursive: true }).map(String)) {
      if (!/\.(html|json|js|css|arrow)$/.test(f)) continue;
      const text = readFileSync(join(out, f), "utf8");
      for (const m of new Set(text.match(/\bC\d{6}\b/g) ?? [])) if (ids.has(m)) leaks.push(`${f}: ${m}`);
      // Titles are plain words that library code may contain: look for them in pages and data only.
      if (/\.(html|json)$/.test(f)) for (const t of titles) if (text.includes(JSON.stringify(t)) || text.includes(`>${t}<`)) leaks.push(`${f}: ${t}`);
      // An Arrow file holds its text as UTF-8 bytes, one value after another: a title would appear as is.
      if (f.endsWith(".arrow")) for (const t of titles) if (text.includes(t)) leaks.push(`${f}: ${t}`);
    }
    expect(ids.size).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
  });
});

describe("npm run report", () => {
  it("writes the same datasets the built site publishes", async () => {
    // the run's one export of the sample, shared with reading and privacy (sampleReport fails on a non-zero exit)
    const dir = await sampleReport();
    // The site publishes, as Arrow, only the tables its pages read; each must equal the exported JSON's table value for
    // value (read back as pages read them). A sharded dataset is published in pieces (test/site/account.test.ts).
    let compared = 0;
    for (const d of DATASETS.filter((x) => !x.shards)) {
      const exported = JSON.parse(readFileSync(join(dir, `${d.name}.json`), "utf8"));
      const site = publishedDataset(out, d.name);
      expect(site.asOf, d.name).toBe(exported.asOf);
      // (the CSM pages' team tables are derived from the exported ones: csm-shards.ts)
      const expected = { ...exported.tables, ...(d.name === "relationship" ? teamTables(exported) : {}) };
      for (const [t, table] of Object.entries(site.tables)) {
        expect(table, `${d.name}.${t}`).toEqual(expected[t]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // Each CSM page's own archive holds exactly that CSM's accounts, as exported (loaders/datasets/csm-shards.ts).
    const rel = JSON.parse(readFileSync(join(dir, "relationship.json"), "utf8"));
    const accounts = rel.tables.accounts;
    expect(rel.tables.csms.slug.length).toBeGreaterThan(5);
    rel.tables.csms.slug.forEach((slug: string, k: number) => {
      const mine = publishedDataset(out, `csm/${slug}/relationship`).tables.accounts;
      expect(mine.account_id, slug).toEqual(accounts.account_id.filter((_: unknown, i: number) => accounts.csm[i] === rel.tables.csms.csm[k]));
    });
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("# Published datasets");
  });
});
