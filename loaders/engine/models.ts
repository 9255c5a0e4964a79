/**
 * The SQL models under loaders/sql/, dbt-style: one file = one table, in
 * layers staging → intermediate → marts. A model's dependencies are the
 * other tables its SQL names; they decide the build order and, through
 * fingerprints, what must be rebuilt when something changes. A file `x.assert.sql` beside a model is its
 * data tests (engine/assertions.ts), not a model.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TABLE_NAMES } from "./contract.ts";
import { listFiles, ROOT } from "./fingerprint.ts";
import { listReportModels } from "./reports.ts";

export const LAYERS = ["staging", "intermediate", "marts"] as const;
/** "reports": an analyst's own query, `reports/<name>.sql` at the project root (engine/reports.ts). */
export type Layer = (typeof LAYERS)[number] | "reports";

/** One SQL model. */
export interface Model {
  name: string;
  layer: Layer;
  path: string;
  sql: string;
  deps: string[];
  /** "view" when the file says `-- materialized: view` (dbt's word): computed when read, never stored. */
  materialized: "table" | "view";
}

/** A model's materialization, from a `-- materialized: view|table` comment line. */
export function materialization(sql: string): "table" | "view" {
  return /^--\s*materialized:\s*view\s*$/m.test(sql) ? "view" : "table";
}

/** SQL without comments, so that a table named in a comment is not a dependency. */
export function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

/** The tables outside loaders/sql that models may read: raw inputs and their rejects. */
export const BASE_TABLES = TABLE_NAMES.flatMap((t) => [`raw_${t}`, `_rej_${t}`]);

/** Names among `known` that the SQL refers to. */
export function referencedTables(sql: string, known: Iterable<string>): string[] {
  const words = new Set(stripComments(sql).toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return [...known].filter((k) => words.has(k)).sort();
}

/** Every model, in an order where each comes after its dependencies. */
export function listModels(): Model[] {
  const found: Model[] = [];
  for (const layer of LAYERS) {
    for (const path of listFiles(join(ROOT, "loaders", "sql", layer), (n) => n.endsWith(".sql") && !n.endsWith(".assert.sql"))) {
      const name = path.split("/").pop()!.replace(/\.sql$/, "");
      const sql = readFileSync(join(ROOT, path), "utf8");
      found.push({ name, layer, path, sql, deps: [], materialized: materialization(sql) });
    }
  }
  found.push(...listReportModels());
  const names = new Set([...found.map((m) => m.name), ...BASE_TABLES]);
  for (const m of found) m.deps = referencedTables(m.sql, names).filter((d) => d !== m.name);
  return topoSort(found);
}

function topoSort(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Model[] = [];
  const visit = (m: Model) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new Error(`SQL models depend on each other in a cycle through ${m.path}`);
    visiting.add(m.name);
    for (const d of m.deps) {
      const dep = byName.get(d);
      if (dep) visit(dep);
    }
    visiting.delete(m.name);
    done.add(m.name);
    out.push(m);
  };
  for (const m of models) visit(m);
  return out;
}
