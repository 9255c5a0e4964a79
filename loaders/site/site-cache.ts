/**
 * Keys Framework's loader cache on our fingerprints. Framework reuses a
 * cached loader output whenever one exists (in preview: unless the loader
 * file is newer), whatever the inputs did; so before Framework runs we delete
 * the cached output of every dataset whose fingerprint changed, and in
 * preview also touch its stub so the open page reloads.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetFingerprint } from "../datasets/emit.ts";
import { DATASETS, datasetByName } from "../datasets/index.ts";
import { ROOT } from "../engine/fingerprint.ts";

export const SRC = join(ROOT, "src");
export const CACHE = join(SRC, ".observablehq", "cache");
const MANIFEST = join(CACHE, "3r-fingerprints.json");

/** Cached outputs and stub of a dataset. */
export function datasetPaths(name: string): { cached: string[]; stub: string } {
  // a sharded dataset (loaders/datasets/shards.ts): its archives and the folders Framework unpacks them into
  if (datasetByName(name).shards) return { cached: [join(CACHE, "data", name)], stub: join(SRC, "data", name, "[archive].tar.ts") };
  return { cached: [join(CACHE, "data", `${name}.json`)], stub: join(SRC, "data", `${name}.json.ts`) };
}

/** Fingerprints of every dataset for a warehouse's steps. */
export function datasetFingerprints(steps: Record<string, string>): Record<string, string> {
  return Object.fromEntries(DATASETS.map((d) => [d.name, datasetFingerprint(d, steps)]));
}

function readManifest(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return {};
  }
}

/** Deletes stale cached outputs; returns the datasets that will be recomputed. */
export function invalidateStale(fingerprints: Record<string, string>, { touch = false } = {}): string[] {
  const manifest = readManifest();
  const stale: string[] = [];
  for (const [name, fp] of Object.entries(fingerprints)) {
    const { cached, stub } = datasetPaths(name);
    if (manifest[name] === fp && existsSync(cached[0])) continue;
    stale.push(name);
    for (const c of cached) rmSync(c, { force: true, recursive: true });
    if (touch && existsSync(stub)) {
      const now = new Date();
      utimesSync(stub, now, now);
    }
  }
  return stale;
}

/** Records the fingerprints the cache now holds (after Framework filled it). */
export function saveManifest(fingerprints: Record<string, string>): void {
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(MANIFEST, JSON.stringify({ ...readManifest(), ...fingerprints }, null, 1));
}
