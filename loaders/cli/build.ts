/**
 * `npm run build [-- --data DIR --as-of DATE --out DIR]`: stage the inputs,
 * recompute exactly the datasets whose inputs changed, build the site into a
 * temporary folder, and swap it in only when everything succeeded. On any
 * error the previously published site is left as it was.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type Config, configEnv, loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { DATASETS } from "../datasets/index.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { listProblems } from "../engine/ingest/list-problems.ts";
import { formatProblem } from "../engine/ingest/problems.ts";
import { withLock } from "../engine/lock.ts";
import { type Log, progress } from "../engine/progress.ts";
import { footerHtml, writeSiteSettings } from "../site/provenance.ts";
import { CACHE, datasetFingerprints, invalidateStale, saveManifest } from "../site/site-cache.ts";
import { type Ingest, ingest } from "../engine/warehouse.ts";
import { parseArgs, runMain } from "./args.ts";

const FRAMEWORK = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config", "as-of", "out"]);
  const config = loadConfig({ data: args.values.data, config: args.values.config, asOf: args.values["as-of"] });
  const out = resolve(args.values.out ?? join(ROOT, "dist"));
  const log = progress("build");
  const staged = await ingest(config, log);
  if (staged.fatal.length) {
    for (const p of staged.fatal) console.error(formatProblem(p));
    console.error(`\nbuild stopped: the inputs cannot be used (${staged.fatal.length} problem${staged.fatal.length === 1 ? "" : "s"}); ${out} left as it was`);
    return 1;
  }
  const rejected = staged.tables.reduce((n, t) => n + t.rows_rejected, 0);
  if (rejected && config.onRejectedRows === "fail") {
    const db = await Db.open(staged.dbPath, { readOnly: true });
    try {
      for (const t of await listProblems(db, 20)) for (const p of t.problems) console.error(formatProblem(p));
    } finally {
      db.close();
    }
    console.error(`\nbuild stopped: ${rejected} row${rejected === 1 ? " was" : "s were"} rejected (all listed by npm run check -- --data ${config.dataDir}).` +
      `\nFix the files, or set "onRejectedRows": "publish" in the config to publish without them (they are counted on the Data quality page). ${out} left as it was.`);
    return 1;
  }

  // One build at a time per checkout: Framework's loader cache is shared.
  return withLock(join(CACHE, "..", "3r-build.lock"), () => publish(config, staged, out, log));
});

/** Recomputes stale datasets, builds the site into a temporary folder and swaps it in. */
async function publish(config: Config, staged: Ingest, out: string, log: Log): Promise<number> {
  const fingerprints = datasetFingerprints(staged.fingerprints);
  const stale = invalidateStale(fingerprints);
  log(stale.length ? `${stale.length} of ${DATASETS.length} datasets to compute: ${stale.join(", ")}` : `all ${DATASETS.length} datasets unchanged: no loader will run`);
  const site = join(config.stateDir, "site.json");
  const asOfSource = config.asOf ? "set in config" : "latest date in the inputs";
  writeSiteSettings(site, { title: config.title, footer: footerHtml(staged, new Date(), asOfSource) });

  removeAbandoned(out);
  const tmp = `${out}.tmp-${process.pid}`;
  const code = await run(process.execPath, [FRAMEWORK, "build"], {
    ...configEnv(config),
    THREER_STAGED: "1",
    THREER_SITE: site,
    THREER_OUT: tmp,
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`,
  });
  if (code !== 0 || !existsSync(join(tmp, "index.html"))) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`\nbuild failed (Framework exited with ${code}); ${out} left as it was`);
    return 1;
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  saveManifest(fingerprints);
  log(`site published to ${out}`);
  return 0;
}

/** Runs a command with extra environment, inheriting the terminal; resolves to its exit code. */
function run(cmd: string, argv: string[], env: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", fail);
    child.on("close", (c) => done(c ?? 1));
  });
}

/** Removes temporary folders that killed builds left behind (their process is gone). */
function removeAbandoned(out: string): void {
  const dir = dirname(out);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (m && !alive(Number(m[2]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
