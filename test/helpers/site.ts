/** Helpers for tests that build the whole site: run the build wrapper, read published datasets, serve dist. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { tableFromIPC } from "apache-arrow";
import { inject } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { columns } from "../../src/components/data.js";

/** The tsx entry point: tests run the CLIs as `node TSX loaders/cli/<tool>.ts …`. */
export const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs `npm run build` (the wrapper) with arguments; returns exit code and combined output. */
export function build(args: string[], env: Record<string, string> = {}): { code: number; output: string } {
  const r = spawnSync(process.execPath, [TSX, "loaders/cli/build.ts", ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, THREER_QUIET: "0", ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? 1, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * The bundled sample's site, built once per test run and shared by the files that only read it (they must not
 * change it). Site test files run one at a time, so the first caller builds and the rest reuse; outside the
 * configured run (no global setup) each caller builds its own.
 */
export function sampleSite(): string {
  const shared = inject("sampleSite") as string | undefined;
  const root = shared ?? mkdtempSync(join(tmpdir(), "3r-site-"));
  const out = join(root, "dist");
  const done = join(root, "built");
  if (existsSync(done)) return out;
  const r = build(["--out", out]);
  if (r.code !== 0) throw new Error(`the build failed:\n${r.output.slice(-4000)}`);
  writeFileSync(done, new Date().toISOString());
  return out;
}

let exported: string | undefined;
/**
 * A dataset as `npm run report` exports it from the bundled sample (every table, including those no page reads),
 * exported once per test file into a temp folder.
 */
export function exportedDataset(name: string): { tables: Record<string, Record<string, unknown[]>>; asOf: string } {
  if (!exported) {
    const dir = mkdtempSync(join(tmpdir(), "3r-report-"));
    const r = spawnSync(process.execPath, [TSX, "loaders/cli/report.ts", "--out", dir], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm run report failed:\n${r.stderr}`);
    exported = dir;
  }
  return JSON.parse(readFileSync(join(exported, `${name}.json`), "utf8"));
}

/**
 * A dataset as the built site publishes it: the Arrow files pages read (`_file/data/<name>/<table>.<hash>.arrow`,
 * only the tables some page names), read back as pages read them (src/components/data.js), with the metadata.
 */
export function publishedDataset(dist: string, name: string): { tables: Record<string, Record<string, unknown[]>>; asOf: string; currency: string } {
  const dir = join(dist, "_file", "data", name);
  if (!existsSync(dir)) throw new Error(`no tables of ${name} in ${dir}`);
  const tables: Record<string, Record<string, unknown[]>> = {};
  const meta: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    const m = /^(\w+)\.[0-9a-f]+\.arrow$/.exec(f);
    if (!m) continue;
    const table = tableFromIPC(readFileSync(join(dir, f)));
    tables[m[1]] = columns(table);
    for (const [k, v] of table.schema.metadata) meta[k] = v;
  }
  return { tables, asOf: meta.asOf, currency: meta.currency };
}

/** The datasets a built site publishes as Arrow tables (folders of `_file/data/` holding .arrow files). */
export function publishedDatasets(dist: string): string[] {
  const dir = join(dist, "_file", "data");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(join(dir, e.name)).some((f) => f.endsWith(".arrow")))
    .map((e) => e.name).sort();
}

/** Every page of a built site, as URL paths (/, /revenue, /csm/…). */
export function sitePages(dist: string, dir = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dist, dir), { withFileTypes: true })) {
    if (e.isDirectory() && !e.name.startsWith("_")) out.push(...sitePages(dist, join(dir, e.name)));
    else if (e.name.endsWith(".html") && e.name !== "404.html") out.push(`/${join(dir, e.name.replace(/\.html$/, "")).replace(/(^|\/)index$/, "")}`);
  }
  return out.sort();
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".arrow": "application/vnd.apache.arrow.file", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };

/** Serves `dist` on loopback the way a static host serves Framework output (/page → page.html). */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const candidates = path.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`];
    for (const c of candidates) {
      try {
        const body = readFileSync(join(dist, c));
        res.writeHead(200, { "content-type": TYPES[extname(c)] ?? "application/octet-stream" });
        res.end(body);
        return;
      } catch { /* try the next */ }
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
