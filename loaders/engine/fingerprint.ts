/**
 * Content fingerprints. A file's hash is cached by (path, size, mtime) so a
 * large unchanged input is not read again on every build.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding loaders/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** sha256 of strings, joined unambiguously. */
export function hash(...parts: unknown[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(typeof p === "string" ? p : JSON.stringify(p)).update("\u0000");
  return h.digest("hex");
}

type HashCache = Record<string, { size: number; mtimeMs: number; sha256: string }>;

/** sha256 of files' contents, remembering results in `cachePath`. */
export async function fileHashes(paths: string[], cachePath: string): Promise<Record<string, string>> {
  let cache: HashCache = {};
  try {
    cache = JSON.parse(readFileSync(cachePath, "utf8"));
  } catch { /* no cache yet */ }
  const out: Record<string, string> = {};
  let changed = false;
  for (const p of paths) {
    const st = statSync(p);
    const hit = cache[p];
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) {
      out[p] = hit.sha256;
      continue;
    }
    const h = createHash("sha256");
    for await (const chunk of createReadStream(p)) h.update(chunk as Buffer);
    out[p] = h.digest("hex");
    cache[p] = { size: st.size, mtimeMs: st.mtimeMs, sha256: out[p] };
    changed = true;
  }
  if (changed) {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(cachePath, JSON.stringify(cache));
  }
  return out;
}

/** Every file below `dir` whose name passes `keep`, sorted, as paths relative to ROOT. */
export function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, keep));
    else if (keep(entry.name)) out.push(relative(ROOT, p));
  }
  return out.sort();
}

/** Hash of source files' contents (code, not data: small files, read directly). */
export function sourceHash(paths: string[]): string {
  return hash(...paths.flatMap((p) => [p, readFileSync(join(ROOT, p), "utf8")]));
}

/** The code that ingests and stages: everything under loaders/engine. Any change to it re-stages everything. */
export function engineHash(): string {
  return sourceHash(listFiles(join(ROOT, "loaders", "engine"), (n) => n.endsWith(".ts")));
}

/** All code a dataset may run: the engine and loaders/datasets. A change recomputes every dataset, never re-stages. */
export function datasetCodeHash(): string {
  return sourceHash([
    ...listFiles(join(ROOT, "loaders", "engine"), (n) => n.endsWith(".ts")),
    ...listFiles(join(ROOT, "loaders", "datasets"), (n) => n.endsWith(".ts")),
  ]);
}
