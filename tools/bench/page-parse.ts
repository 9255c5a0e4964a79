/**
 * `npx tsx tools/bench/page-parse.ts --dist <built site> --datasets <precomputed datasets folder> [--pages a,b]`:
 * for each page (default: the two with the most data), the bytes it downloads (raw and gzipped) and the time, in
 * headless Chromium, to turn them into the rows the page works with: Arrow (tableFromIPC + rows, through the site's own
 * components/data.js) against the JSON a page loaded before Arrow (the whole `<dataset>.json`, JSON.parse + rows of
 * the same tables). Network time is left out of both. Prints the largest page download first. Figures, not a test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs, runMain, UsageError } from "../../loaders/cli/args.ts";
import { launch } from "../../test/helpers/chromium.ts";
import { serve } from "../../test/helpers/site.ts";
import { type PageData, pageData, parseFileRefs } from "./pages.ts";

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const RUNS = 15;

/** Runs in the page (a string: the bundler must not rewrite it). Median ms from bytes to rows, Arrow and JSON. */
const IN_PAGE = `async ({ dataModule, urls, jsonTexts, tableLists, runs }) => {
  const { load, rows } = await import("/" + dataModule);
  const buffers = await Promise.all(urls.map(async (u) => await (await fetch(u)).arrayBuffer()));
  const arrow = [], json = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    let n = 0;
    const read = await load(Object.fromEntries(buffers.map((b, k) => [k, b])));
    for (const table of Object.values(read.tables)) n += rows(table).length;
    arrow.push(performance.now() - t);
    t = performance.now();
    let m = 0;
    jsonTexts.forEach((text, k) => { const file = JSON.parse(text); for (const name of tableLists[k]) m += rows(file.tables[name]).length; });
    json.push(performance.now() - t);
    if (n === 0 || m === 0) throw new Error("no rows read");
  }
  arrow.sort((a, b) => a - b);
  json.sort((a, b) => a - b);
  return { arrow: arrow[runs >> 1], json: json[runs >> 1] };
}`;

/** Dataset → tables a page reads, from its Arrow file names (data/<ds>/<t>.arrow, data/csm/<slug>/<ds>/<t>.arrow). */
function tablesRead(page: PageData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of page.files) {
    const m = /^data\/(?:csm\/[^/]+\/)?([\w-]+)\/(\w+)\.arrow$/.exec(f.name);
    if (!m) continue;
    // the CSM pages' team tables are cut from relationship's accounts and touch_months
    const table = m[2].replace(/^team_/, "");
    out.set(m[1], [...new Set([...(out.get(m[1]) ?? []), table])]);
  }
  return out;
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["dist", "datasets", "pages"]);
  const dist = args.values.dist;
  const datasets = args.values.datasets;
  if (!dist || !datasets) throw new UsageError("usage: page-parse.ts --dist <built site> --datasets <precomputed datasets folder> [--pages loss-review,csm/x]");
  const all = pageData(dist).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const largest = all[0];
  console.log(`largest page download: ${largest.page}, ${kib(largest.bytes)} raw, ${kib(largest.gzipBytes)} gzipped (${largest.files.length} files)`);
  const wanted = args.values.pages?.split(",") ?? all.slice(0, 2).map((p) => p.page);
  const server = await serve(dist);
  const browser = await launch();
  try {
    for (const name of wanted) {
      const page = all.find((p) => p.page === name);
      if (!page) throw new UsageError(`no page ${name} in ${dist}`);
      const html = readFileSync(join(dist, `${name}.html`), "utf8");
      const dataModule = /_import\/components\/data\.[0-9a-f]+\.js/.exec(html)?.[0];
      if (!dataModule) throw new Error(`${name}: its HTML does not load components/data.js`);
      const urls = parseFileRefs(html).filter((r) => r.name.endsWith(".arrow")).map((r) => new URL(r.path, `http://x/${name}`).pathname);
      const tables = tablesRead(page);
      const jsonTexts = [...tables.keys()].map((d) => readFileSync(join(datasets, `${d}.json`), "utf8"));
      const jsonBytes = jsonTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
      const jsonGzip = jsonTexts.reduce((n, t) => n + gzipSync(t).length, 0);
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/${name}`, { waitUntil: "networkidle" });
      const times = await tab.evaluate(`(${IN_PAGE})(${JSON.stringify({ dataModule, urls, jsonTexts, tableLists: [...tables.values()], runs: RUNS })})`) as { arrow: number; json: number };
      await tab.close();
      console.log(`${name}: Arrow ${kib(page.bytes)} raw, ${kib(page.gzipBytes)} gzipped, ${times.arrow.toFixed(1)} ms to rows`
        + ` | JSON before: ${kib(jsonBytes)} raw, ${kib(jsonGzip)} gzipped, ${times.json.toFixed(1)} ms to rows (median of ${RUNS})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
});
