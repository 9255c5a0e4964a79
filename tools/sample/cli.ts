/**
 * CLI: `tsx tools/sample/cli.ts --out data [--seed 42] [--accounts 2000] [--shape renewals|subscriptions]` writes the
 * sample book as Parquet; `--shape subscriptions` writes its revenue record as a billing export instead of renewals.
 */
import { parseArgs } from "node:util";
import { generateBook, SHAPES, type Shape } from "./book.js";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data" },
    seed: { type: "string", default: "42" },
    accounts: { type: "string", default: "2000" },
    shape: { type: "string", default: "renewals" },
  },
});
const seed = Number(values.seed);
const accounts = Number(values.accounts);
const shape = values.shape as Shape;
if (!Number.isInteger(seed) || !Number.isInteger(accounts) || accounts < 1 || accounts > 99_999 || !SHAPES.includes(shape)) {
  console.error("usage: tsx tools/sample/cli.ts --out <dir> [--seed <integer>] [--accounts <1..99999>] [--shape renewals|subscriptions]");
  process.exit(2);
}
const t0 = performance.now();
const summary = await generateBook({
  out: values.out!,
  seed,
  accounts,
  shape,
  log: (m) => console.error(`[sample] ${m}`),
});
const rows = Object.values(summary).reduce((n, t) => n + t.rows, 0);
const bytes = Object.values(summary).reduce((n, t) => n + t.bytes, 0);
console.error(
  `[sample] wrote ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(1)} MB to ${values.out} ` +
    `(seed ${seed}, ${accounts} accounts, ${shape}) in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);
