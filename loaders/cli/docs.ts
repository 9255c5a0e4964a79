/**
 * `npm run docs`: rewrites docs/datasets.md from the dataset definitions and
 * docs/contract.md from the input contract, then publishes docs/ (with the
 * hand-written metrics.md) as pages of the site under src/docs/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetsReadme } from "../datasets/docs.ts";
import { DATASETS } from "../datasets/index.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { contractDoc } from "./contract-docs.ts";
import { sitePages } from "./site-docs.ts";

mkdirSync(join(ROOT, "docs"), { recursive: true });
writeFileSync(join(ROOT, "docs", "datasets.md"), datasetsReadme(DATASETS));
console.log(`docs/datasets.md: ${DATASETS.length} datasets`);
writeFileSync(join(ROOT, "docs", "contract.md"), contractDoc());
console.log("docs/contract.md: the input contract");
mkdirSync(join(ROOT, "src", "docs"), { recursive: true });
for (const [path, text] of sitePages()) {
  writeFileSync(join(ROOT, "src", path), text);
  console.log(`src/${path}: published in the site`);
}
