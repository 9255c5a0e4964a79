/**
 * `npx tsx tools/bench/shapes.ts [--seed 42] [--accounts 2000] [--runs 3]`: the sample book as a billing export
 * (subscriptions) against the same book in the renewals shape, staged from scratch with every dataset computed,
 * in one run, alternating. Two renewals books are compared:
 * - `converted`: the billing book written as renewal events by hand (what a user would do without this
 *   support: every monthly term an event), i.e. the very events the toolkit derives, so both hold the same work;
 * - `renewals`: the generator's own renewals shape (annual events only: an eighth as many events to analyse).
 * Prints the medians and how much the subscriptions shape adds (the goal: no more than 20%).
 * Generated books are kept in .3r/bench/shapes/ and reused.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, runMain, UsageError } from "../../loaders/cli/args.ts";
import { computeDataset } from "../../loaders/datasets/emit.ts";
import { DATASETS } from "../../loaders/datasets/index.ts";
import { loadConfig } from "../../loaders/engine/config.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { ingest } from "../../loaders/engine/warehouse.ts";
import { generateBook, SHAPES } from "../sample/book.ts";

/** Seconds to stage `dir` into a fresh warehouse, and to compute every dataset from it. */
async function once(dir: string, state: string): Promise<{ stage: number; datasets: number }> {
  rmSync(state, { recursive: true, force: true });
  const config = loadConfig({ data: dir, stateDir: state });
  const t0 = performance.now();
  const staged = await ingest(config, silent);
  const t1 = performance.now();
  if (staged.fatal.length) throw new Error(`${dir}: the inputs cannot be used`);
  const db = await Db.open(staged.dbPath, { readOnly: true });
  try {
    for (const d of DATASETS) await computeDataset(db, d);
  } finally {
    db.close();
  }
  return { stage: (t1 - t0) / 1000, datasets: (performance.now() - t1) / 1000 };
}

/** The billing book as renewal events: the derived events of a staged copy, with every other table as it is. */
async function convert(from: string, to: string, state: string): Promise<void> {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f !== "subscriptions.parquet") copyFileSync(join(from, f), join(to, f));
  rmSync(state, { recursive: true, force: true });
  const staged = await ingest(loadConfig({ data: from, stateDir: state }), silent);
  const db = await Db.open(staged.dbPath, { readOnly: true });
  try {
    await db.run(`copy (select * from int_renewal_lines order by renewal_id, product) to '${join(to, "renewals.parquet")}' (format parquet)`);
  } finally {
    db.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b), h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["seed", "accounts", "runs"]);
  const seed = Number(args.values.seed ?? 42), accounts = Number(args.values.accounts ?? 2000), runs = Number(args.values.runs ?? 3);
  if (![seed, accounts, runs].every(Number.isInteger) || runs < 1) throw new UsageError("--seed, --accounts and --runs take whole numbers");
  const root = join(ROOT, ".3r", "bench", "shapes", `${seed}-${accounts}`);
  const BOOKS = ["subscriptions", "converted", "renewals"] as const;
  type Book = (typeof BOOKS)[number];
  const times = Object.fromEntries(BOOKS.map((b) => [b, { stage: [] as number[], datasets: [] as number[] }])) as Record<Book, { stage: number[]; datasets: number[] }>;
  for (const shape of SHAPES) {
    const dir = join(root, shape);
    if (!existsSync(join(dir, "accounts.parquet"))) {
      mkdirSync(dir, { recursive: true });
      process.stderr.write(`[bench] generating the ${shape} book…\n`);
      await generateBook({ out: dir, seed, accounts, shape });
    }
  }
  if (!existsSync(join(root, "converted", "renewals.parquet"))) await convert(join(root, "subscriptions"), join(root, "converted"), join(root, "state-convert"));
  for (let r = 0; r < runs; r++) {
    for (const shape of r % 2 ? [...BOOKS].reverse() : BOOKS) {
      const t = await once(join(root, shape), join(root, `state-${shape}`));
      times[shape].stage.push(t.stage);
      times[shape].datasets.push(t.datasets);
      process.stderr.write(`[bench] run ${r + 1} ${shape}: staged in ${t.stage.toFixed(1)}s, datasets in ${t.datasets.toFixed(1)}s\n`);
    }
  }
  const m = (s: Book) => ({ stage: median(times[s].stage), datasets: median(times[s].datasets), total: median(times[s].stage.map((x, i) => x + times[s].datasets[i])) });
  const b = m("subscriptions");
  const pct = (x: number, y: number) => `${y >= x ? "+" : ""}${(((y - x) / x) * 100).toFixed(1)}%`;
  console.log(`| book | staging (s) | datasets (s) | both (s) |\n|---|---:|---:|---:|`);
  for (const s of BOOKS) console.log(`| ${s} | ${m(s).stage.toFixed(1)} | ${m(s).datasets.toFixed(1)} | ${m(s).total.toFixed(1)} |`);
  console.log(`\nmedians of ${runs} runs, ${accounts} accounts, seed ${seed}; the goal is at most +20%`);
  for (const s of ["converted", "renewals"] as const) {
    console.log(`subscriptions over ${s}: staging ${pct(m(s).stage, b.stage)}, staging + datasets ${pct(m(s).total, b.total)}`);
  }
  return 0;
});
