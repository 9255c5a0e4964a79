/**
 * The account page in the built sample site, served by a plain static file server (no /page → page.html rewriting,
 * as `python3 -m http.server -d dist` serves it): the header's search box opens an account, an account name in a
 * table links to its page, one account view downloads one small shard, and the shards hold every account once.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launch } from "../helpers/chromium.ts";
import { sampleSite } from "../helpers/site.ts";

vi.setConfig({ testTimeout: 900_000 });

let out: string;
let browser: Browser;
let server: Server;
let base: string;

/** Files exactly as they are on disk; anything else is a 404. */
function plainServer(dist: string): Server {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = readFileSync(join(dist, path.endsWith("/") ? join(path, "index.html") : path));
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
}

beforeAll(async () => {
  out = await sampleSite();
  server = plainServer(out);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

const json = (path: string) => JSON.parse(readFileSync(join(out, path), "utf8"));
const indexFile = (dataset: string) => join("_file", "data", dataset, "a0", readdirSync(join(out, "_file", "data", dataset, "a0")).find((f) => f.startsWith("index."))!);
const column = (file: { tables: Record<string, Record<string, unknown[]>> }, t: string, c: string) => file.tables[t][c] as string[];
/** The search list, from every file of the account-names dataset: [account_id, account_name] once per account. */
function searchList(): [string, string][] {
  const index = json(indexFile("account-names"));
  const byId = new Map<string, string>();
  column(index, "key_shards", "shard").forEach((n, k) => {
    const file = json(join("data", "account-names", `a${column(index, "key_shards", "archive")[k]}`, `shard-${n}.json`));
    column(file, "names", "account_id").forEach((id, i) => {
      byId.set(id, column(file, "names", "account_name")[i]);
    });
  });
  return [...byId];
}

/** A page that records 404s, errors and the URL of every JSON file it downloads (also on a page it then leaves). */
async function open(path: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const jsonUrls: string[] = [];
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    else if (r.url().split("?")[0].endsWith(".json")) jsonUrls.push(r.url());
  });
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  return { page, problems, jsonUrls };
}

async function accountShown(page: Page, name: string) {
  await page.waitForFunction((n) => document.querySelector("h1")?.textContent === n && document.querySelector(".account-section"), name);
}

describe("the account page on a plain static server", () => {
  it("opens from the header's search box, showing one account from one shard of at most 300 KB", async () => {
    const list = searchList();
    const ids = list.map(([id]) => id);
    const all = list.map(([, name]) => name);
    // a name no other name contains, so the search has exactly one match and goes straight to the account
    const i = all.findIndex((n) => n && all.filter((m) => m?.toLowerCase().includes(n.toLowerCase())).length === 1);
    expect(i).toBeGreaterThanOrEqual(0);
    const { page, problems, jsonUrls } = await open("/risk.html");
    await page.fill("#observablehq-header input[name=q]", all[i]);
    await page.press("#observablehq-header input[name=q]", "Enter");
    await accountShown(page, all[i]);
    expect(new URL(page.url()).searchParams.get("id")).toBe(ids[i]);
    await page.waitForLoadState("networkidle");
    // files sized on disk (a body is gone once its page navigated away, and the search page did)
    const onDisk = (u: string) => statSync(join(out, new URL(u).pathname)).size;
    const requested = [...new Set(jsonUrls)];
    const shardFiles = requested.filter((u) => /\/data\/account\/a\d+\/shard-\d+\.json$/.test(u));
    expect(shardFiles).toHaveLength(1);
    const accountBytes = requested.filter((u) => u.includes("/data/account/")).reduce((n, u) => n + onDisk(u), 0);
    expect(accountBytes).toBeLessThanOrEqual(300_000);
    // the search read one small file of the search list, not every name
    const nameFiles = requested.filter((u) => /\/data\/account-names\/a\d+\/shard-\d+\.json$/.test(u));
    expect(nameFiles).toHaveLength(1);
    expect(onDisk(nameFiles[0])).toBeLessThanOrEqual(100_000);
    expect(await page.locator(".account-section h2").allTextContents()).toEqual(expect.arrayContaining(["Renewal history", "Health", "Usage", "Touches", "Contacts by role", "Green-profile traits today", "Tickets"]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens from an account name in a table, and a lost account shows its loss-review panel", async () => {
    const { page, problems } = await open("/loss-review.html");
    const link = page.locator("a.account-link").first();
    const name = (await link.textContent())!;
    await link.click();
    await accountShown(page, name);
    await page.waitForSelector(".loss-panel");
    expect(await page.locator(".account-section h2", { hasText: "Loss review" }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("publishes every account in exactly one shard, inside its shard's id range", () => {
    const index = json(indexFile("account"));
    const seen: string[] = [];
    const shards = column(index, "shards", "shard") as unknown as number[];
    shards.forEach((n, k) => {
      const archive = column(index, "shards", "archive")[k];
      const file = json(join("data", "account", `a${archive}`, `shard-${n}.json`));
      const ids = column(file, "profile", "account_id");
      expect(ids[0]).toBe(column(index, "shards", "first_account_id")[k]);
      expect(ids.at(-1)).toBe(column(index, "shards", "last_account_id")[k]);
      seen.push(...ids);
    });
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.length).toBe((column(index, "shards", "accounts") as unknown as number[]).reduce((a, b) => a + b, 0));
    // every account in the search list has a page
    expect(searchList().filter(([id]) => !seen.includes(id))).toEqual([]);
  });
});
