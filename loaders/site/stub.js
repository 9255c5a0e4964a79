// The loader stubs' only code (src/data/<name>.json.js): copy the dataset the wrapper computed.
// Plain JavaScript, so Framework starts each stub with bare node (no tsx: ~0.1 s instead of ~1 s);
// in `npm run build` no stub runs at all (the wrapper fills Framework's cache, loaders/site/site-cache.ts).
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes dataset `name`, as computed by `npm run build` or `npm run dev`, to stdout. The wrapper names
 * its settings file in THREER_SITE (loaders/site/settings.ts); Framework run on its own has none.
 * @param {string} name
 * @returns {Promise<void>}
 */
export function emit(name) {
  const settingsPath = process.env.THREER_SITE;
  if (!settingsPath || !existsSync(settingsPath)) {
    process.stderr.write(`[3r] dataset ${name}: datasets are computed by npm run build or npm run dev, not by Framework on its own\n`);
    process.exit(1);
  }
  const file = join(JSON.parse(readFileSync(settingsPath, "utf8")).datasets, `${name}.json`);
  return new Promise((done, fail) => {
    createReadStream(file).on("error", fail).on("end", () => done()).pipe(process.stdout);
  });
}
