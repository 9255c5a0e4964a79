/**
 * `npx tsx tools/bench/shapes.ts [--seed 42] [--accounts 2000] [--runs 3]`: the same sample book in both shapes
 * of the revenue record (renewals, and a billing export: subscriptions), staged from scratch and every dataset
 * computed, in one run, alternating the shapes. Prints the medians and how much the subscriptions shape adds
 * (the goal: no more than 20%). Generated books are kept in .3r/bench/shapes/ and reused.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, runMain, UsageError } from "../../loaders/cli/args.ts";
import { computeDataset } from "../../loaders/datasets/emit.ts";
import { DATASETS } from "../../loaders/datasets/index.ts";
import { loadConfig } from "../../loaders/engine/config.ts";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { ingest } from "../../loaders/engine/warehouse.ts";
import { generateBook, SHAPES, type Shape } from "../sample/book.ts";

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["seed", "accounts", "runs"]);
  const seed = Number(args.values.seed ?? 42), accounts = Number(args.values.accounts ?? 2000), runs = Number(args.values.runs ?? 3);
  if (![seed, accounts, runs].every(Number.isInteger) || runs < 1) throw new UsageError("--seed, --accounts and --runs take whole numbers");
  const root = join(ROOT, ".3r", "bench", "shapes", `${seed}-${accounts}`);
  const times: Record<Shape, { stage: number[]; datasets: number[] }> = { renewals: { stage: [], datasets: [] }, subscriptions: { stage: [], datasets: [] } };
  for (const shape of SHAPES) {
    const dir = join(root, shape);
    if (!existsSync(join(dir, "accounts.parquet"))) {
      mkdirSync(dir, { recursive: true });
      process.stderr.write(`[bench] generating the ${shape} book…\n`);
      await generateBook({ out: dir, seed, accounts, shape });
    }
  }
  for (let r = 0; r < runs; r++) {
    for (const shape of r % 2 ? [...SHAPES].reverse() : SHAPES) {
      const t = await once(join(root, shape), join(root, `state-${shape}`));
      times[shape].stage.push(t.stage);
      times[shape].datasets.push(t.datasets);
      process.stderr.write(`[bench] run ${r + 1} ${shape}: staged in ${t.stage.toFixed(1)}s, datasets in ${t.datasets.toFixed(1)}s\n`);
    }
  }
  const m = (s: Shape) => ({ stage: median(times[s].stage), datasets: median(times[s].datasets), total: median(times[s].stage.map((x, i) => x + times[s].datasets[i])) });
  const a = m("renewals"), b = m("subscriptions");
  const pct = (x: number, y: number) => `${(((y - x) / x) * 100).toFixed(1)}%`;
  console.log(`| shape | staging (s) | datasets (s) | both (s) |\n|---|---:|---:|---:|`);
  for (const [s, v] of [["renewals", a], ["subscriptions", b]] as const) console.log(`| ${s} | ${v.stage.toFixed(1)} | ${v.datasets.toFixed(1)} | ${v.total.toFixed(1)} |`);
  console.log(`\nsubscriptions over renewals (medians of ${runs} runs, ${accounts} accounts, seed ${seed}): staging ${pct(a.stage, b.stage)}, ` +
    `staging + datasets ${pct(a.total, b.total)} (goal: at most +20%)`);
  return 0;
});
