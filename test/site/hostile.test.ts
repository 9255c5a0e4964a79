/**
 * Hostile content: account names, CSM names, segments, regions, products and
 * loss reasons carrying HTML and script are shown as text everywhere. Builds a
 * small sample book with every such field poisoned, opens every page, and
 * proves no script ran and no injected element exists.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { generateBook } from "../../tools/sample/book.ts";
import { launch } from "../helpers/chromium.ts";
import { projectCopy } from "../helpers/project.ts";
import { build, serve, sitePages } from "../helpers/site.ts";

// Whole-site builds and page-by-page browsing take minutes on a 2-core machine.
vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-hostile-"));
const out = join(dir, "site");
// its own copy of the project (its own Framework cache), so other files' builds run beside it
const root = projectCopy();
const SCRIPT = "<script>window.__xss=(window.__xss||0)+1</script>";
const IMG = '<img src="x" class="xss" onerror="window.__xss=(window.__xss||0)+1">';
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

/** A small sample book, then every free-text field poisoned, written as CSV. */
async function hostileBook(): Promise<string> {
  const clean = join(dir, "clean");
  const data = join(dir, "data");
  mkdirSync(data, { recursive: true });
  await generateBook({ out: clean, seed: 7, accounts: 120, log: () => {} });
  const db = await Db.open();
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const poison: Record<string, string> = {
    accounts: `select * replace (${q(IMG)} || account_name as account_name, csm || ' ' || ${q(SCRIPT)} as csm,
      segment || ${q("<b>")} as segment, region || ${q(IMG)} as region)`,
    renewals: `select * replace (product || ${q(IMG)} as product,
      case when loss_reason is null then null else ${q('=HYPERLINK("http://evil")')} || loss_reason || ${q(SCRIPT)} end as loss_reason)`,
    touches: `select * replace (csm || ' ' || ${q(SCRIPT)} as csm)`,
    usage: `select * replace (feature || ${q(IMG)} as feature)`,
    features: `select * replace (feature || ${q(IMG)} as feature)`,
  };
  for (const t of ["accounts", "renewals", "health", "usage", "features", "contacts", "touches", "tickets", "nps", "milestones"]) {
    const sel = poison[t] ?? "select *";
    await db.run(`copy (${sel} from read_parquet('${join(clean, `${t}.parquet`)}')) to '${join(data, `${t}.csv`)}' (header, delimiter ',')`);
  }
  db.close();
  return data;
}

beforeAll(async () => {
  const data = await hostileBook();
  const r = build(["--data", data, "--out", out], {}, root);
  if (r.code !== 0) throw new Error(`the build failed:\n${r.output.slice(-4000)}`);
  server = await serve(out);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("hostile content", () => {
  it("runs no script and injects no element on any page, and shows the text literally", async () => {
    const failures: string[] = [];
    let shownLiterally = 0;
    for (const path of sitePages(out)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("dialog", (d) => { failures.push(`${path}: a dialog opened: ${d.message()}`); void d.dismiss(); });
      await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(500);
      // Hover every chart mark with a tooltip, so tooltip rendering is exercised too.
      for (const mark of (await page.locator("[data-chart] svg path, [data-chart] svg rect").all()).slice(0, 20)) await mark.hover({ force: true }).catch(() => {});
      const ran = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);
      const imgs = await page.locator("img.xss, img[src='x']").count();
      if (ran) failures.push(`${path}: a script ran ${ran} time(s)`);
      if (imgs) failures.push(`${path}: ${imgs} injected <img> element(s)`);
      const text = await page.locator("body").innerText();
      if (text.includes("<script>window.__xss") || text.includes('<img src="x"')) shownLiterally++;
      await page.close();
    }
    expect(failures).toEqual([]);
    expect(shownLiterally, "pages showing the hostile text as text").toBeGreaterThan(0);
  });
});
