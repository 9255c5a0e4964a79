/**
 * Every changed dataset computed in the wrapper's own process, on one read-only connection, before
 * Framework runs: Framework then starts no DuckDB and no tsx per dataset (the stubs only copy).
 * Results live beside the warehouse (`<warehouse folder>/datasets/<name>.json`, and `<name>.tar`: the Arrow files
 * pages read, arrow.ts) with the fingerprint each was computed for, so an unchanged dataset is never computed twice.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../engine/config.ts";
import type { Db } from "../engine/db.ts";
import { datasetCodeHash, hash } from "../engine/fingerprint.ts";
import type { Log } from "../engine/progress.ts";
import { type Ingest, warehousePath } from "../engine/warehouse.ts";
import { datasetArchive } from "./arrow.ts";
import { CSM_INDEX, CSM_SOURCES, precomputeCsmArchives, teamTables } from "./csm-shards.ts";
import { computeDataset, type DatasetFile, datasetFingerprint } from "./emit.ts";
import { DATASETS } from "./index.ts";
import { precomputeShards } from "./shards.ts";

/** Tables a dataset's archive carries beyond its own, for pages only (the CSM pages' team tables: csm-shards.ts). */
const PAGE_EXTRAS: Record<string, (file: DatasetFile) => DatasetFile["tables"]> = { relationship: teamTables };

/** The folder of precomputed datasets for a config's data folder. */
export function datasetsDir(config: Config): string {
  return join(dirname(warehousePath(config)), "datasets");
}

/**
 * Fingerprint of every dataset: its own (tables, code, warehouse steps it reads) and the run's facts
 * each file carries (as-of date and its source, currency), which no warehouse step records.
 */
export function datasetFingerprints(staged: Pick<Ingest, "fingerprints" | "asOf" | "asOfSource">, config: Pick<Config, "currency">): Record<string, string> {
  const run = [staged.asOf, staged.asOfSource, config.currency];
  const code = datasetCodeHash(); // read once, not once per dataset
  return Object.fromEntries(DATASETS.map((d) => [d.name, hash(datasetFingerprint(d, staged.fingerprints, code), run)]));
}

const MANIFEST = "fingerprints.json";

function readManifest(dir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"));
  } catch {
    return {};
  }
}

/** Writes through a temporary file, so a reader (a stub, a killed run) never sees half a file. */
function writeAtomic(path: string, text: string | Buffer): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Computes the datasets whose fingerprint changed into `dir`; returns their names. Call holding the data lock. */
export async function precompute(db: Db, fingerprints: Record<string, string>, dir: string, log: Log): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const manifest = readManifest(dir);
  const files = (name: string, sharded: boolean) => (sharded ? [`${name}.json`] : [`${name}.json`, `${name}.tar`]);
  const stale = DATASETS.filter((d) => manifest[d.name] !== fingerprints[d.name] || files(d.name, !!d.shards).some((f) => !existsSync(join(dir, f))));
  // tools/bench reads these two lines and the one per dataset: keep their wording.
  log(stale.length ? `${stale.length} of ${DATASETS.length} datasets to compute: ${stale.map((d) => d.name).join(", ")}`
    : `all ${DATASETS.length} datasets unchanged: nothing to compute, no loader will run`);
  for (const def of stale) {
    // A sharded dataset is its archives; its <name>.json is their index (shards.ts).
    const out = def.shards ? await precomputeShards(db, def, dir) : await computeDataset(db, def);
    // Pages read the Arrow archive; the JSON is what npm run report writes, kept to compare and for tools.
    if (!def.shards) writeAtomic(join(dir, `${def.name}.tar`), datasetArchive(out as DatasetFile, PAGE_EXTRAS[def.name]?.(out as DatasetFile)));
    writeAtomic(join(dir, `${def.name}.json`), JSON.stringify(out));
    // The manifest after the file: a run killed in between recomputes this dataset next time, never trusts it.
    manifest[def.name] = fingerprints[def.name];
    writeAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 1));
    log(`dataset ${def.name} computed`);
  }
  // The per-CSM archives are cut from two datasets' files: redone whenever either was recomputed.
  if (stale.some((d) => CSM_SOURCES.includes(d.name)) || !existsSync(join(dir, CSM_INDEX))) {
    const slugs = precomputeCsmArchives(dir);
    log(`${slugs.length} CSM page archives written`);
  }
  return stale.map((d) => d.name);
}
