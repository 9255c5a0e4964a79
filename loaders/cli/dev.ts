/**
 * `npm run dev [-- --data DIR --port N]`: Framework's preview, kept honest.
 * Preview reruns a loader only when the stub is newer than its cached output; we watch the inputs,
 * SQL, config and loader code, and on a change re-stage, compute the changed datasets (here, as the
 * build does), refresh Framework's cache and touch their stubs, so the open page reloads with new numbers.
 */
import { mkdirSync, watch } from "node:fs";
import { basename, dirname, join } from "node:path";
import { loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { datasetFingerprints, datasetsDir, precompute } from "../datasets/precompute.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { formatProblem } from "../engine/ingest/problems.ts";
import { withLock } from "../engine/lock.ts";
import { progress } from "../engine/progress.ts";
import { ingest, warehousePath, withWarehouse } from "../engine/warehouse.ts";
import { csmPagePaths } from "../site/csm-pages.ts";
import { runFramework } from "../site/framework.ts";
import { nodeBundles } from "../site/node-bundles.ts";
import { footerHtml } from "../site/provenance.ts";
import { fillCache, SITE_LOCK } from "../site/site-cache.ts";
import { writeSiteSettings } from "../site/settings.ts";
import { parseArgs, runMain } from "./args.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config", "as-of", "port"]);
  const overrides = { data: args.values.data, config: args.values.config, asOf: args.values["as-of"] };
  const config = loadConfig(overrides);
  const log = progress("dev");
  // The browser bundles of our node_modules imports need no data: esbuild makes them beside the staging.
  void nodeBundles(ROOT);
  // One file per command: a preview and a build of one data folder each keep their own footer.
  const settingsPath = join(warehousePath(config), "..", "site-dev.json");

  /** Re-stages and recomputes what changed; returns false when the inputs cannot be used. */
  const refresh = (first: boolean) => withLock(SITE_LOCK, () => withWarehouse(config, async () => {
    const current = loadConfig(overrides);
    const staged = await ingest(current, log);
    if (staged.fatal.length) {
      for (const p of staged.fatal) console.error(formatProblem(p));
      log("the inputs cannot be used; pages keep their last numbers until this is fixed");
      return false;
    }
    const db = await Db.open(staged.dbPath, { ...current.duckdb, timeZone: current.timeZone, readOnly: true });
    try {
      const dir = datasetsDir(current);
      const stale = await precompute(db, datasetFingerprints(staged, current), dir, log);
      fillCache(dir, { touch: first ? [] : stale });
      writeSiteSettings(settingsPath, { title: current.title, footer: footerHtml(staged, new Date()), output: "dist", datasets: dir, csmPages: await csmPagePaths(db), ready: true });
      if (stale.length && !first) log(`new numbers for ${stale.join(", ")}: open pages reload`);
      return true;
    } finally {
      db.close();
    }
  }));
  await refresh(true);

  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve(true);
  const again = () => refresh(false);
  const onChange = (what: string) => (_: string, file: string | null) => {
    if (file && /(^|\/)\.|~$|\.lock$/.test(file)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      log(`${what} changed${file ? ` (${file})` : ""}`);
      running = running.then(again, again);
    }, 400);
  };
  watch(config.dataDir, onChange("data"));
  watch(join(ROOT, "loaders"), { recursive: true }, onChange("loaders"));
  // An analyst's report SQL is staged like a model: a saved change re-stages it and reloads its page.
  mkdirSync(join(ROOT, "reports"), { recursive: true });
  watch(join(ROOT, "reports"), onChange("reports"));
  // Watch the config's folder, not the file: editors (and sed -i) save by replacing the file, which ends a watch on it.
  if (config.configPath) {
    const name = basename(config.configPath);
    const onConfig = onChange("config");
    watch(dirname(config.configPath), (event, file) => { if (file === name) onConfig(event, file); });
  }

  return runFramework(["preview", "--port", args.values.port ?? "3000", "--no-open"], settingsPath, log);
});
