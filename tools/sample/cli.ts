/** CLI: `tsx tools/sample/cli.ts --out data [--seed 42] [--accounts 2000]` writes the sample book as Parquet. */
import { parseArgs } from "node:util";
import { generateBook } from "./book.js";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data" },
    seed: { type: "string", default: "42" },
    accounts: { type: "string", default: "2000" },
  },
});
const seed = Number(values.seed);
const accounts = Number(values.accounts);
if (!Number.isInteger(seed) || !Number.isInteger(accounts) || accounts < 1 || accounts > 99_999) {
  console.error("usage: tsx tools/sample/cli.ts --out <dir> [--seed <integer>] [--accounts <1..99999>]");
  process.exit(2);
}
const t0 = performance.now();
const summary = await generateBook({
  out: values.out!,
  seed,
  accounts,
  log: (m) => console.error(`[sample] ${m}`),
});
const rows = Object.values(summary).reduce((n, t) => n + t.rows, 0);
const bytes = Object.values(summary).reduce((n, t) => n + t.bytes, 0);
console.error(
  `[sample] wrote ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(1)} MB to ${values.out} ` +
    `(seed ${seed}, ${accounts} accounts) in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);
