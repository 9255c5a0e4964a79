/**
 * `npm run build [-- --data DIR --as-of DATE --out DIR]`: stage the inputs, compute exactly the
 * datasets whose inputs changed (here, in one process), build the site into a new version folder,
 * and publish it only when everything succeeded. On any error the published site is left as it was.
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
import { runFramework } from "../site/framework.ts";
import { nodeBundles } from "../site/node-bundles.ts";
import { placeShardFiles } from "../site/shard-files.ts";
import { footerHtml } from "../site/provenance.ts";
import { newVersion, publishVersion, removeAbandoned } from "../site/publish.ts";
import { fillCache, SITE_LOCK } from "../site/site-cache.ts";
import { writeSiteSettings } from "../site/settings.ts";
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
    // Staging through the last read of the warehouse under the data lock: nothing re-stages what this build publishes.
    const ready = await withWarehouse(config, async () => {
      const staged = await ingest(config, log);
      if (staged.fatal.length) {
        for (const p of staged.fatal) console.error(formatProblem(p));
        console.error(`\nbuild stopped: the inputs cannot be used (${staged.fatal.length} problem${staged.fatal.length === 1 ? "" : "s"}); ${out} left as it was`);
        return false;
      }
      const db = await Db.open(staged.dbPath, { ...config.duckdb, timeZone: config.timeZone, readOnly: true });
      try {
        const rejected = staged.tables.reduce((n, t) => n + t.rows_rejected, 0);
        if (rejected && config.onRejectedRows === "fail") {
          for (const t of await listProblems(db, 20)) for (const p of t.problems) console.error(formatProblem(p));
          console.error(`\nbuild stopped: ${rejected} row${rejected === 1 ? " was" : "s were"} rejected (all listed by npm run check -- --data ${config.dataDir}).` +
            `\nFix the files, or set "onRejectedRows": "publish" in the config to publish without them (they are counted on the Data quality page). ${out} left as it was.`);
          return false;
        }
        const dir = datasetsDir(config);
        await precompute(db, datasetFingerprints(staged, config), dir, log);
        fillCache(dir);
        removeAbandoned(out);
        const output = newVersion(out);
        writeSiteSettings(settingsPath, { title: config.title, footer: footerHtml(staged, new Date()), output, datasets: dir, csmPages: await csmPagePaths(db) });
        return { output, dir };
      } finally {
        db.close();
      }
    });
    if (!ready) return 1;

    const code = await runFramework(["build"], settingsPath, log);
    if (code !== 0 || !existsSync(join(ready.output, "index.html"))) {
      rmSync(ready.output, { recursive: true, force: true });
      console.error(`\nbuild failed (Framework exited with ${code}); ${out} left as it was`);
      return 1;
    }
    // The shards pages fetch by URL, placed by us rather than unpacked by Framework (site/shard-files.ts).
    log(`${placeShardFiles(ready.dir, ready.output)} shard files placed`);
    publishVersion(out, ready.output);
    log(`site published to ${out}`);
    return 0;
  });
});
