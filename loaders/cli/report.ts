/**
 * `npm run report -- --data DIR --out DIR [--as-of DATE]`: writes every
 * published dataset as JSON (the same content the pages read), plus a
 * README documenting each dataset's tables and columns, and actions.csv /
 * actions.json (the health review's lists for a CRM to import). No site is built.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Config, loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { computeDataset } from "../datasets/emit.ts";
import { datasetsReadme } from "../datasets/docs.ts";
import { DATASETS } from "../datasets/index.ts";
import { writeActions } from "../datasets/actions.ts";
import { formatProblem } from "../engine/ingest/problems.ts";
import { progress } from "../engine/progress.ts";
import { ingest, withWarehouse } from "../engine/warehouse.ts";
import { type Args, parseArgs, runMain } from "./args.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "out", "config", "as-of", "only"]);
  const config = loadConfig({ data: args.values.data, config: args.values.config, asOf: args.values["as-of"] });
  // Staging through the last dataset read under the data lock: nothing re-stages what this export reads.
  return withWarehouse(config, () => report(args, config));
});

async function report(args: Args, config: Config): Promise<number> {
  const out = resolve(args.values.out ?? "report");
  const log = progress("report");
  const staged = await ingest(config, log);
  if (staged.fatal.length) {
    for (const p of staged.fatal) console.error(formatProblem(p));
    console.error(`the inputs cannot be used: ${staged.fatal.length} problem(s); nothing written`);
    return 1;
  }
  const rejected = staged.tables.reduce((n, t) => n + t.rows_rejected, 0);
  if (rejected && config.onRejectedRows === "fail") {
    console.error(`${rejected} rows were rejected; see npm run check -- --data ${config.dataDir} (or set "onRejectedRows": "publish" in the config)`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const db = await Db.open(staged.dbPath, { ...config.duckdb, timeZone: config.timeZone, readOnly: true });
  try {
    const only = args.values.only?.split(",");
    for (const def of DATASETS.filter((d) => !only || only.includes(d.name))) {
      const t0 = Date.now();
      const file = await computeDataset(db, def);
      writeFileSync(join(out, `${def.name}.json`), JSON.stringify(file));
      log(`${def.name}.json written in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
    // the health review's lists as actions a CRM can import (written whatever --only says: they are not a dataset)
    log(`actions.csv and actions.json written: ${await writeActions(db, config, out)} actions`);
  } finally {
    db.close();
  }
  writeFileSync(join(out, "README.md"), datasetsReadme(DATASETS));
  console.log(`${DATASETS.length} datasets written to ${out} (as of ${staged.asOf})`);
  return 0;
}
