/**
 * `npm run dev [-- --data DIR --port N]`: Framework's preview, kept honest.
 * Preview reruns a loader only when the loader file itself is newer than its
 * cached output; we watch the inputs, SQL, config and loader code, re-stage on
 * a change, delete the stale cached outputs and touch their stubs, so the open
 * page reloads with new numbers.
 */
import { spawn } from "node:child_process";
import { mkdirSync, watch } from "node:fs";
import { basename, dirname, join } from "node:path";
import { configEnv, loadConfig } from "../engine/config.ts";
import { ROOT } from "../engine/fingerprint.ts";
import { formatProblem } from "../engine/ingest/problems.ts";
import { progress } from "../engine/progress.ts";
import { footerHtml, writeSiteSettings } from "../site/provenance.ts";
import { datasetFingerprints, invalidateStale, saveManifest } from "../site/site-cache.ts";
import { ingest } from "../engine/warehouse.ts";
import { parseArgs, runMain } from "./args.ts";

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["data", "config", "as-of", "port"]);
  const overrides = { data: args.values.data, config: args.values.config, asOf: args.values["as-of"] };
  const config = loadConfig(overrides);
  const log = progress("dev");
  const site = join(config.stateDir, "site.json");

  /** Re-stages and invalidates what changed; returns false when the inputs cannot be used. */
  const refresh = async (): Promise<boolean> => {
    const current = loadConfig(overrides);
    const staged = await ingest(current, log);
    if (staged.fatal.length) {
      for (const p of staged.fatal) console.error(formatProblem(p));
      log("the inputs cannot be used; pages keep their last numbers until this is fixed");
      return false;
    }
    writeSiteSettings(site, { title: current.title, footer: footerHtml(staged, new Date(), current.asOf ? "set in config" : "latest date in the inputs") });
    const fps = datasetFingerprints(staged.fingerprints);
    const stale = invalidateStale(fps, { touch: true });
    saveManifest(fps);
    if (stale.length) log(`recomputing on next view: ${stale.join(", ")}`);
    return true;
  };
  await refresh();

  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve(true);
  const onChange = (what: string) => (_: string, file: string | null) => {
    if (file && /(^|\/)\.|~$|\.lock$/.test(file)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      log(`${what} changed${file ? ` (${file})` : ""}`);
      running = running.then(refresh, refresh);
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

  const framework = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  const child = spawn(process.execPath, [framework, "preview", "--port", args.values.port ?? "3000", "--no-open"], {
    cwd: ROOT, stdio: "inherit",
    env: { ...process.env, ...configEnv(config), THREER_STAGED: "1", THREER_SITE: site, OBSERVABLE_TELEMETRY_DISABLE: "1",
      PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}` },
  });
  return new Promise<number>((done) => child.on("close", (c) => done(c ?? 0)));
});
