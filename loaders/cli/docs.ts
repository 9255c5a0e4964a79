/** `npm run docs`: rewrites docs/datasets.md from the dataset definitions. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetsReadme } from "../datasets/docs.ts";
import { DATASETS } from "../datasets/index.ts";
import { ROOT } from "../engine/fingerprint.ts";

mkdirSync(join(ROOT, "docs"), { recursive: true });
writeFileSync(join(ROOT, "docs", "datasets.md"), datasetsReadme(DATASETS));
console.log(`docs/datasets.md: ${DATASETS.length} datasets`);
