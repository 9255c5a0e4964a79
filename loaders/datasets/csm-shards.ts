/**
 * Per-CSM page data. A CSM page (src/csm/[csm].md) is about one CSM's book, so it downloads that CSM's rows only:
 * its own archive `data/csm/<slug>.tar` (stub `src/data/csm/[csm].tar.js`) holds `relationship/<table>.arrow` and
 * `risk/<table>.arrow` cut from the two datasets. What the page compares against, the whole team, comes from two
 * slim tables every CSM page shares (cached once by the browser), added to the relationship archive:
 * `team_accounts` (each active account's five check flags, checks failed and ARR: what the hygiene summary adds up)
 * and `team_touch_months` (touches per month, type and kind of work, every CSM added together).
 * At 20,000 accounts this keeps a CSM page near 100 KB instead of the whole book's 5.6 MiB (README § Scale).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plain } from "../engine/db.ts";
import { datasetToArrow } from "./arrow.ts";
import { type Columnar, toColumns, toRows } from "./columnar.ts";
import type { DatasetFile } from "./emit.ts";
import { tar } from "./shards.ts";

/** The datasets the CSM archives are cut from: when either is recomputed, so are the archives. */
export const CSM_SOURCES = ["relationship", "risk"];
/** The loader stub, `src/data/csm/[csm].tar.js`. */
export const CSM_STUB = "[csm].tar.js";
/** The index precompute writes beside the archives: the slugs (`<dir>/csm/<slug>.tar`). */
export const CSM_INDEX = "csm.json";

/** Tables cut per CSM, by the CSM's name (relationship) or by the CSM's groups (risk: counts per group cell). */
const BY_CSM = { relationship: ["accounts", "early_warning", "touch_months"], risk: ["groups", "csms"] } as const;
const BY_GROUP = ["renewals", "book"] as const;
/** The account columns the team's hygiene summary reads (src/components/relationship.js hygieneSummary). */
const TEAM_ACCOUNT_COLUMNS = ["not_touched", "no_business_review", "single_threaded", "no_exec_sponsor", "no_decision_maker", "checks_failed", "current_arr"];

/** The rows of a columnar table where `keep(row index)` holds, every column kept. */
function filterRows(table: Columnar, keep: (i: number) => boolean): Columnar {
  const out: Columnar = {};
  for (const [c, values] of Object.entries(table)) out[c] = values.filter((_, i) => keep(i));
  return out;
}

function table(file: DatasetFile, name: string): Columnar {
  const t = file.tables[name];
  if (!t) throw new Error(`dataset ${file.dataset} has no table ${name} (the CSM pages read it)`);
  return t;
}

/**
 * Each CSM's files, by slug: {relationship: DatasetFile, risk: DatasetFile} holding only that CSM's rows.
 * Slugs and names come from relationship.csms (the same list the pages are built from).
 */
export function csmShards(rel: DatasetFile, risk: DatasetFile): Map<string, { relationship: DatasetFile; risk: DatasetFile }> {
  const csms = toRows(table(rel, "csms"));
  const groups = table(risk, "groups");
  const out = new Map<string, { relationship: DatasetFile; risk: DatasetFile }>();
  for (const { csm, slug } of csms) {
    const mine = new Set(groups.group_id.filter((_, i) => groups.csm[i] === csm));
    const cut = (file: DatasetFile, names: readonly string[], byGroup: readonly string[] = []) => ({
      ...file,
      tables: Object.fromEntries([
        ...names.map((n) => { const t = table(file, n); return [n, filterRows(t, (i) => t.csm[i] === csm)]; }),
        ...byGroup.map((n) => { const t = table(file, n); return [n, filterRows(t, (i) => mine.has(t.group_id[i]))]; }),
      ]),
    });
    out.set(String(slug), { relationship: cut(rel, BY_CSM.relationship), risk: cut(risk, BY_CSM.risk, BY_GROUP) });
  }
  return out;
}

/** The whole team's slim tables (see the file comment), added to the relationship archive. */
export function teamTables(rel: DatasetFile): Record<string, Columnar> {
  const accounts = table(rel, "accounts");
  const team_accounts = Object.fromEntries(TEAM_ACCOUNT_COLUMNS.map((c) => {
    if (!accounts[c]) throw new Error(`relationship.accounts has no column ${c} (the CSM pages' team summary reads it)`);
    return [c, accounts[c]];
  }));
  // Every CSM's touches added together per (month, type, work), in that order: the page counts them all as "Whole team".
  const sums = new Map<string, { month: Plain; type: Plain; work: Plain; touches: number }>();
  for (const r of toRows(table(rel, "touch_months"))) {
    const key = JSON.stringify([r.month, r.type, r.work]);
    const s = sums.get(key) ?? { month: r.month, type: r.type, work: r.work, touches: 0 };
    s.touches += Number(r.touches);
    sums.set(key, s);
  }
  const ordered = [...sums.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)) || String(a.type).localeCompare(String(b.type)) || String(a.work).localeCompare(String(b.work)));
  return { team_accounts, team_touch_months: toColumns(ordered, ["month", "type", "work", "touches"]) };
}

/**
 * Writes every CSM's archive into `<dir>/csm/<slug>.tar` from the precomputed relationship and risk datasets
 * (`<dir>/<name>.json`), drops archives of CSMs no longer in the book, then the index. Returns the slugs.
 */
export function precomputeCsmArchives(dir: string): string[] {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as DatasetFile;
  const shards = csmShards(read("relationship"), read("risk"));
  const folder = join(dir, "csm");
  mkdirSync(folder, { recursive: true });
  for (const [slug, files] of shards) {
    const path = join(folder, `${slug}.tar`);
    writeFileSync(`${path}.tmp`, tar({ ...datasetToArrow(files.relationship, "relationship/"), ...datasetToArrow(files.risk, "risk/") }));
    renameSync(`${path}.tmp`, path);
  }
  for (const f of readdirSync(folder)) if (!shards.has(f.replace(/\.tar$/, ""))) rmSync(join(folder, f), { force: true });
  const slugs = [...shards.keys()];
  writeFileSync(join(dir, CSM_INDEX), JSON.stringify({ slugs }));
  return slugs;
}

/** The slugs whose archives precompute wrote (none before the first build). */
export function csmArchiveSlugs(dir: string): string[] {
  const index = join(dir, CSM_INDEX);
  return existsSync(index) ? (JSON.parse(readFileSync(index, "utf8")) as { slugs: string[] }).slugs : [];
}
