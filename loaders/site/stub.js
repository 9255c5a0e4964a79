// The loader stubs' only code (src/data/<name>.tar.js, src/data/<name>/[archive].tar.js): copy what the wrapper computed.
// Plain JavaScript, so Framework starts a stub with bare node (no tsx: measured 0.5 s against 1.6 s on a
// busy machine). Usually no stub runs at all: the wrappers fill Framework's cache (loaders/site/site-cache.ts);
// a stub runs when that cache entry is missing (say, the cache was cleared while a preview runs).
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes the archive of dataset `name` (one Arrow file per table: loaders/datasets/arrow.ts), as computed by
 * `npm run build` or `npm run dev`, to stdout; Framework unpacks the tables a page names into data/<name>/<table>.arrow.
 * The wrapper names its settings file in THREER_SITE (loaders/site/settings.ts); Framework run on its own has none.
 * @param {string} name
 * @returns {Promise<void>}
 */
export function emit(name) {
  const settingsPath = process.env.THREER_SITE;
  if (!settingsPath || !existsSync(settingsPath)) {
    process.stderr.write(`[3r] dataset ${name}: datasets are computed by npm run build or npm run dev, not by Framework on its own\n`);
    process.exit(1);
  }
  const file = join(JSON.parse(readFileSync(settingsPath, "utf8")).datasets, `${name}.tar`);
  return new Promise((done, fail) => {
    createReadStream(file).on("error", fail).on("end", () => done()).pipe(process.stdout);
  });
}

/**
 * Writes one archive of sharded dataset `name` (loaders/datasets/shards.ts), as computed by the wrapper, to stdout:
 * the archive Framework names in `--archive=<a>` from the stub's file name `[archive].tar.js` (or `--<param>=` from
 * `[<param>].tar.js`: the per-CSM archives, `csm/[csm].tar.js`, loaders/datasets/csm-shards.ts).
 * @param {string} name
 * @param {string} [param]
 * @returns {Promise<void>}
 */
export function emitArchive(name, param = "archive") {
  const archive = process.argv.find((a) => a.startsWith(`--${param}=`))?.slice(`--${param}=`.length);
  const settingsPath = process.env.THREER_SITE;
  if (!archive || !settingsPath || !existsSync(settingsPath)) {
    process.stderr.write(`[3r] dataset ${name}: archives are computed by npm run build or npm run dev, not by Framework on its own\n`);
    process.exit(1);
  }
  const file = join(JSON.parse(readFileSync(settingsPath, "utf8")).datasets, name, `${archive}.tar`);
  return new Promise((done, fail) => {
    createReadStream(file).on("error", fail).on("end", () => done()).pipe(process.stdout);
  });
}
