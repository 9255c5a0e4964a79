/**
 * Fills Framework's loader cache with the datasets the wrapper computed. Framework reuses a cached
 * loader output whenever one exists (in preview: unless the stub is newer), whatever the inputs did;
 * so before Framework builds, every dataset's cache entry is overwritten with the precomputed file
 * (no stub runs at all), and in preview the stubs of changed datasets are touched, so the open page
 * reloads and the stub copies the new file. The cache is shared by the checkout: callers hold the
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
    const cached = join(CACHE, "data", `${name}.json`);
    const source = statSync(join(dir, `${name}.json`));
    const entry = existsSync(cached) ? statSync(cached) : null;
    // The entry keeps the precomputed file's time: pages publish it as the file's lastModified, which must not change when the data did not.
    if (!entry || entry.size !== source.size || entry.mtimeMs !== source.mtimeMs) {
      copyFileSync(join(dir, `${name}.json`), `${cached}.3r-tmp`);
      utimesSync(`${cached}.3r-tmp`, source.atime, source.mtime);
      renameSync(`${cached}.3r-tmp`, cached);
    }
    // The stub newer than its cache entry: preview re-runs it (a copy of the same file) and reloads the page.
    if (touch.includes(name) && existsSync(stubPath(name))) utimesSync(stubPath(name), now, new Date(now.getTime() + 1000));
  }
}
