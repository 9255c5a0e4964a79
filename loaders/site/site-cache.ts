/**
 * Fills Framework's loader cache with the datasets the wrapper computed. Framework reuses a cached
 * loader output whenever one exists (in preview: unless the stub is newer), whatever the inputs did;
 * so before Framework builds or previews, every dataset's cache entry is overwritten with the
 * precomputed file (no stub runs at all), and in preview the stubs of changed datasets are touched,
 * so the open page reloads. The cache is shared by the checkout: callers hold the
 * site lock (lock.ts).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { DATASETS } from "../datasets/index.ts";
import { ROOT } from "../engine/fingerprint.ts";

export const SRC = join(ROOT, "src");
export const CACHE = join(SRC, ".observablehq", "cache");
/** The site lock (lock.ts): one build, or one preview refresh, at a time uses this checkout's Framework cache. */
export const SITE_LOCK = join(CACHE, "..", "3r-build.lock");

/** The loader stub of a dataset (`.json.js`; a `.json.ts` stub works too, only slower to start). */
export function stubPath(name: string): string {
  const js = join(SRC, "data", `${name}.json.js`);
  return existsSync(js) ? js : join(SRC, "data", `${name}.json.ts`);
}

/** Copies every precomputed dataset in `dir` into Framework's cache; touches the stubs of `touch` (preview). */
export function fillCache(dir: string, { touch = [] as string[] } = {}): void {
  mkdirSync(join(CACHE, "data"), { recursive: true });
  const now = new Date();
  for (const { name } of DATASETS) {
    const stub = stubPath(name);
    // A touched stub makes preview reload the open page (the file's URL carries the stub's time).
    if (touch.includes(name) && existsSync(stub)) utimesSync(stub, now, now);
    const cached = join(CACHE, "data", `${name}.json`);
    const source = statSync(join(dir, `${name}.json`));
    // No older than its stub, so Framework calls the entry fresh and never runs the stub; otherwise the precomputed
    // file's time, which pages publish as lastModified and which must not change when the data did not.
    const time = Math.floor(Math.max(source.mtimeMs, existsSync(stub) ? statSync(stub).mtimeMs : 0));
    const entry = existsSync(cached) ? statSync(cached) : null;
    if (!entry || entry.size !== source.size || entry.mtimeMs !== time) {
      copyFileSync(join(dir, `${name}.json`), `${cached}.3r-tmp`);
      utimesSync(`${cached}.3r-tmp`, new Date(time), new Date(time));
      renameSync(`${cached}.3r-tmp`, cached);
    }
  }
}
