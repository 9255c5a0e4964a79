/** Helpers for tests that build the whole site: run the build wrapper, read published datasets, serve dist. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { tableFromIPC } from "apache-arrow";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { columns } from "../../src/components/data.js";
import { projectCopy } from "./project.ts";
import { SAMPLE_DATA, sampleState } from "./sample.ts";
import { shared } from "./shared.ts";

/** The tsx entry point: tests run the CLIs as `node TSX loaders/cli/<tool>.ts …`. */
export const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/**
 * Runs `npm run build` (the wrapper) in the project at `root` (a private copy, project.ts, unless the test reads
 * the checkout's own site); returns exit code and combined output.
 */
export function build(args: string[], env: Record<string, string> = {}, root = ROOT): { code: number; output: string } {
  const r = spawnSync(process.execPath, [TSX, "loaders/cli/build.ts", ...args], {
    cwd: root, encoding: "utf8", env: { ...process.env, THREER_QUIET: "0", ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? 1, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * The bundled sample's site, built once per test run (in its own copy of the project, from the run's staged
 * sample) and shared by the files that only read them: they must not change it. The first file that asks
 * builds it; one that asks meanwhile waits (shared.ts).
 */
export function sampleSite(): Promise<string> {
  return shared("sample-site", async (dir) => {
    const root = projectCopy(join(dir, "project"));
    cpSync(await sampleState(), join(dir, "state"), { recursive: true });
    const r = build(["--data", SAMPLE_DATA, "--out", join(dir, "dist")], { THREER_STATE: join(dir, "state") }, root);
    if (r.code !== 0) throw new Error(`the build failed:\n${r.output.slice(-4000)}`);
  }).then((dir) => join(dir, "dist"));
}

/**
 * The bundled sample as `npm run report` exports it (every dataset, every table, including those no page
 * reads), exported once per test run into a shared folder; its path. Readers must not change it.
 */
export function sampleReport(): Promise<string> {
  return shared("sample-report", async (dir) => {
    const state = mkdtempSync(join(tmpdir(), "3r-report-state-"));
    try {
      cpSync(await sampleState(), state, { recursive: true });
      const r = spawnSync(process.execPath, [TSX, "loaders/cli/report.ts", "--data", SAMPLE_DATA, "--out", dir], {
        cwd: ROOT, encoding: "utf8", env: { ...process.env, THREER_STATE: state },
      });
      if (r.status !== 0) throw new Error(`npm run report failed (exit ${r.status}):\n${r.stderr}`);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
}

/** A dataset of the sample as `npm run report` exports it (sampleReport). */
export async function exportedDataset(name: string): Promise<{ tables: Record<string, Record<string, unknown[]>>; asOf: string }> {
  return JSON.parse(readFileSync(join(await sampleReport(), `${name}.json`), "utf8"));
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
