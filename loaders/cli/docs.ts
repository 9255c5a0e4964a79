/**
 * `npm run docs [-- --data DIR]`: rewrites docs/datasets.md from the dataset definitions, docs/contract.md from
 * the input contract and docs/tables.md (what a report may read) from the warehouse staged from the data folder
 * (the bundled sample by default), then publishes docs/ (with the hand-written metrics.md) as pages of the site
 * under src/docs/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetsReadme } from "../datasets/docs.ts";
import { DATASETS } from "../datasets/index.ts";
import { loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { progress } from "../engine/progress.ts";
import { ingest } from "../engine/warehouse.ts";
import { parseArgs, runMain } from "./args.ts";
import { contractDoc } from "./contract-docs.ts";
import { sitePages } from "./site-docs.ts";
import { tablesDoc } from "./tables-doc.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config"]);
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  writeFileSync(join(ROOT, "docs", "datasets.md"), datasetsReadme(DATASETS));
  console.log(`docs/datasets.md: ${DATASETS.length} datasets`);
  writeFileSync(join(ROOT, "docs", "contract.md"), contractDoc());
  console.log("docs/contract.md: the input contract");
  const config = loadConfig({ data: args.values.data, config: args.values.config });
  const staged = await ingest(config, progress("docs"));
  if (staged.fatal.length) throw new Error(`the inputs cannot be staged; run npm run check -- --data ${args.values.data ?? "data"}`);
  const db = await Db.open(staged.dbPath, { timeZone: config.timeZone, readOnly: true });
  try {
    writeFileSync(join(ROOT, "docs", "tables.md"), await tablesDoc(db));
  } finally {
    db.close();
  }
  console.log("docs/tables.md: every table a report can read");
  mkdirSync(join(ROOT, "src", "docs"), { recursive: true });
  for (const [path, text] of sitePages()) {
    writeFileSync(join(ROOT, "src", path), text);
    console.log(`src/${path}: published in the site`);
  }
  return 0;
});
