/**
 * Computing datasets from the warehouse: by the build and dev wrappers (every changed dataset, in
 * their own process: precompute.ts) and by `npm run report` (all to files). The loader stubs under
 * src/data only copy what the wrapper computed (`emit`, from loaders/site/stub.js).
 */
import type { Db, Row } from "../engine/db.ts";
import { datasetCodeHash, hash } from "../engine/fingerprint.ts";
import { referencedTables } from "../engine/models.ts";
import { type Columnar, roundValue, toColumns } from "./columnar.ts";
import { columnSchema, type DatasetDef } from "./define.ts";

/** For a loader stub: writes the dataset archive the wrapper computed to stdout (src/data/<name>.tar.js). */
export { emit } from "../site/stub.js";

/** A dataset file as written. */
export interface DatasetFile {
  dataset: string;
  title: string;
  asOf: string;
  currency: string;
  tables: Record<string, Columnar>;
}

/** Runs every table of a dataset and checks each column against its documentation: names, types, nulls. */
export async function computeDataset(db: Db, def: DatasetDef): Promise<DatasetFile> {
  const meta = await warehouseMeta(db);
  const tables: Record<string, Columnar> = {};
  for (const [name, table] of Object.entries(def.tables)) {
    const where = `dataset ${def.name}, table ${name}`;
    let got: Columnar;
    let types: { name: string; type: string }[] = [];
    try {
      // Columns straight from DuckDB: no row objects on the way to a column-oriented file.
      if (table.load) got = rowsToColumns(await table.load(db));
      else ({ columns: got, types } = await db.typedColumns(table.sql!));
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message.split("\n")[0]}`);
    }
    const t = table.columnsFrom ? { ...table, columns: table.columnsFrom(types) } : table;
    const undocumented = Object.keys(got).filter((c) => !(c in t.columns));
    if (undocumented.length) throw new Error(`${where}: undocumented column ${undocumented.join(", ")} (add it to the table's columns)`);
    const length = Object.values(got)[0]?.length ?? 0;
    tables[name] = {};
    for (const [col, doc] of Object.entries(t.columns)) {
      const values = (got[col] ?? new Array<null>(length).fill(null)).map(roundValue);
      const ok = columnSchema(doc).safeParse(values);
      if (!ok.success) {
        const issue = ok.error.issues[0];
        const i = Number(issue.path[0]);
        throw new Error(`${where}, row ${i + 1}: ${col}: ${issue.message} (got ${JSON.stringify(values[i])})`);
      }
      tables[name][col] = values;
    }
  }
  return { dataset: def.name, title: def.title, asOf: meta.as_of, currency: meta.currency, tables };
}

/** The warehouse's as-of date and currency (`_3r_meta`), read once per connection: it is read-only while datasets are computed. */
const metas = new WeakMap<Db, Promise<Record<string, string>>>();
function warehouseMeta(db: Db): Promise<Record<string, string>> {
  if (!metas.has(db)) metas.set(db, db.rows<{ key: string; value: string }>("select key, value from _3r_meta").then((rows) => Object.fromEntries(rows.map((r) => [r.key, r.value]))));
  return metas.get(db)!;
}

/** Rows from a TypeScript table loader → columns, every key any row has. */
function rowsToColumns(rows: Row[]): Columnar {
  return toColumns(rows, [...new Set(rows.flatMap((r) => Object.keys(r)))]);
}

/** Fingerprint of a dataset: its tables, the code datasets run, and every warehouse step it reads. */
export function datasetFingerprint(def: DatasetDef, steps: Record<string, string>, codeHash = datasetCodeHash()): string {
  const sqls = [...Object.values(def.tables).map((t) => t.sql ?? ""), def.shards?.sql ?? ""];
  const usesTs = Object.values(def.tables).some((t) => t.load);
  const deps = usesTs ? Object.keys(steps).sort() : referencedTables(sqls.join("\n"), Object.keys(steps));
  // The tables' SQL and columns too: a dataset may borrow a table defined in another module.
  const tables = Object.entries(def.tables).map(([k, t]) => [k, t.sql ?? null, t.columns]);
  return hash("dataset", def.name, tables, def.shards ?? null, codeHash, deps.map((d) => [d, steps[d]]), usesTs ? steps : null);
}
