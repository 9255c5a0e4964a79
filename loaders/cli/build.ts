/**
 * `npm run build [-- --data DIR --as-of DATE --out DIR]`: stage the inputs, compute exactly the
 * datasets whose inputs changed (here, in one process), build the site into a new version folder,
 * and publish it only when everything succeeded. On any error the published site is left as it was.
 * Framework runs beside the staging: it reads the pages meanwhile and the data files once they are
 * current (the settings it waits on: loaders/site/settings.ts).
 */
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "../engine/config.ts";
import { Db } from "../engine/db.ts";
import { datasetFingerprints, datasetsDir, precompute } from "../datasets/precompute.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { listProblems } from "../engine/ingest/list-problems.ts";
import { formatProblem } from "../engine/ingest/problems.ts";
import { withLock } from "../engine/lock.ts";
import { progress } from "../engine/progress.ts";
import { ingest, warehousePath, withWarehouse } from "../engine/warehouse.ts";
import { csmPagePaths } from "../site/csm-pages.ts";
import { startFramework } from "../site/framework.ts";
import { nodeBundles } from "../site/node-bundles.ts";
import { placeShardFiles } from "../site/shard-files.ts";
import { footerHtml } from "../site/provenance.ts";
import { newVersion, publishVersion, removeAbandoned } from "../site/publish.ts";
import { fillCache, SITE_LOCK } from "../site/site-cache.ts";
import { type SiteSettings, writeSiteSettings } from "../site/settings.ts";
import { parseArgs, runMain } from "./args.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config", "as-of", "out"]);
  const config = loadConfig({ data: args.values.data, config: args.values.config, asOf: args.values["as-of"] });
  const out = resolve(args.values.out ?? join(ROOT, "dist"));
  const log = progress("build");
  // The browser bundles of our node_modules imports need no data: esbuild makes them beside the staging.
  void nodeBundles(ROOT);
  // One file per command: a preview and a build of one data folder each keep their own footer.
  const settingsPath = join(warehousePath(config), "..", "site-build.json");

  return withLock(SITE_LOCK, async () => {
    removeAbandoned(out);
    const output = newVersion(out);
    const dir = datasetsDir(config);
    // Framework starts now and reads the pages while the data is staged; it waits in its config for what it needs
    // from the data (settings.ts): the footer before the first page, the datasets before its first data file.
    let settings: SiteSettings = { title: config.title, footer: null, output, datasets: dir, csmPages: null, ready: false };
    const tell = (more: Partial<SiteSettings>) => {
      settings = { ...settings, ...more };
      writeSiteSettings(settingsPath, settings);
    };
    tell({});
    const framework = await startFramework(["build"], settingsPath, log, { wholeLines: true });
    const abandon = async () => {
      framework.stop();
      await framework.exited;
      rmSync(output, { recursive: true, force: true });
    };
    let ready: boolean;
    try {
      // Staging through the last read of the warehouse under the data lock: nothing re-stages what this build publishes.
      ready = await withWarehouse(config, async () => {
        const staged = await ingest(config, log, { onInputsStaged: (facts) => tell({ footer: footerHtml(facts, new Date()) }) });
        if (staged.fatal.length) {
          await abandon();
          for (const p of staged.fatal) console.error(formatProblem(p));
          console.error(`\nbuild stopped: the inputs cannot be used (${staged.fatal.length} problem${staged.fatal.length === 1 ? "" : "s"}); ${out} left as it was`);
          return false;
        }
        const db = await Db.open(staged.dbPath, { ...config.duckdb, timeZone: config.timeZone, readOnly: true });
        try {
          const rejected = staged.tables.reduce((n, t) => n + t.rows_rejected, 0);
          if (rejected && config.onRejectedRows === "fail") {
            await abandon();
            for (const t of await listProblems(db, 20)) for (const p of t.problems) console.error(formatProblem(p));
            console.error(`\nbuild stopped: ${rejected} row${rejected === 1 ? " was" : "s were"} rejected (all listed by npm run check -- --data ${config.dataDir}).` +
              `\nFix the files, or set "onRejectedRows": "publish" in the config to publish without them (they are counted on the Data quality page). ${out} left as it was.`);
            return false;
          }
          tell({ csmPages: await csmPagePaths(db) });
          await precompute(db, datasetFingerprints(staged, config), dir, log);
          fillCache(dir);
          tell({ ready: true });
          return true;
        } finally {
          db.close();
        }
      });
    } catch (err) {
      await abandon();
      throw err;
    }
    if (!ready) return 1;

    const code = await framework.exited;
    if (code !== 0 || !existsSync(join(output, "index.html"))) {
      rmSync(output, { recursive: true, force: true });
      console.error(`\nbuild failed (Framework exited with ${code}); ${out} left as it was`);
      return 1;
    }
    // The shards pages fetch by URL, placed by us rather than unpacked by Framework (site/shard-files.ts).
    log(`${placeShardFiles(dir, output)} shard files placed`);
    publishVersion(out, output);
    log(`site published to ${out}`);
    return 0;
  });
});
