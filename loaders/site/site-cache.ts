/**
 * Fills Framework's loader cache with the datasets the wrapper computed. Framework reuses a cached
 * loader output whenever one exists (in preview: unless the stub is newer), whatever the inputs did;
 * so before Framework builds or previews, every dataset's cache entry is overwritten with the
 * precomputed file (no stub runs at all), and in preview the stubs of changed datasets are touched,
 * so the open page reloads. The cache is shared by the checkout: callers hold the
 * site lock (lock.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { CSM_SOURCES, CSM_STUB, csmArchiveSlugs } from "../datasets/csm-shards.ts";
import { DATASETS } from "../datasets/index.ts";
import { type ShardIndex, SHARD_STUB } from "../datasets/shards.ts";
import { ROOT } from "../engine/fingerprint.ts";

export const SRC = join(ROOT, "src");
export const CACHE = join(SRC, ".observablehq", "cache");
/** The site lock (lock.ts): one build, or one preview refresh, at a time uses this checkout's Framework cache. */
export const SITE_LOCK = join(CACHE, "..", "3r-build.lock");

/** The loader stub of a dataset (`<name>.tar.js`, its archive of Arrow tables; a sharded one's `<name>/[archive].tar.js`). */
export function stubPath(name: string): string {
  const archives = join(SRC, "data", name, SHARD_STUB);
  return existsSync(archives) ? archives : join(SRC, "data", `${name}.tar.js`);
}

/**
 * A time set with utimes (whole milliseconds) reads back through a float of seconds: 12:42:50.885 can come back as
 * .884999. Taken as a change, it would drop the tables Framework unpacked and give them new lastModified times.
 */
const sameTime = (mtimeMs: number, time: number) => Math.abs(mtimeMs - time) < 1;

/** Copies every precomputed dataset in `dir` into Framework's cache; touches the stubs of `touch` (preview). */
export function fillCache(dir: string, { touch = [] as string[] } = {}): void {
  mkdirSync(join(CACHE, "data"), { recursive: true });
  const now = new Date();
  for (const { name, shards } of DATASETS) {
    const stub = stubPath(name);
    if (shards) {
      fillArchives(dir, name, stub, touch.includes(name) ? now : null);
      continue;
    }
    // A touched stub makes preview reload the open page (the file's URL carries the stub's time).
    if (touch.includes(name) && existsSync(stub)) utimesSync(stub, now, now);
    const cached = join(CACHE, "data", `${name}.tar`);
    const source = statSync(join(dir, `${name}.tar`));
    // No older than its stub, so Framework calls the entry fresh and never runs the stub; otherwise the precomputed
    // file's time, which pages publish as lastModified and which must not change when the data did not.
    const time = Math.floor(Math.max(source.mtimeMs, existsSync(stub) ? statSync(stub).mtimeMs : 0));
    const entry = existsSync(cached) ? statSync(cached) : null;
    if (!entry || entry.size !== source.size || !sameTime(entry.mtimeMs, time)) {
      // The tables Framework unpacked from the old archive go with it.
      rmSync(join(CACHE, "data", name), { recursive: true, force: true });
      copyFileSync(join(dir, `${name}.tar`), `${cached}.3r-tmp`);
      utimesSync(`${cached}.3r-tmp`, new Date(time), new Date(time));
      renameSync(`${cached}.3r-tmp`, cached);
    }
  }
  // The per-CSM archives (loaders/datasets/csm-shards.ts), cut from relationship and risk.
  const csmStub = join(SRC, "data", "csm", CSM_STUB);
  const touchCsm = touch.some((n) => CSM_SOURCES.includes(n)) ? now : null;
  copyArchives(join(dir, "csm"), join(CACHE, "data", "csm"), csmArchiveSlugs(dir), csmStub, touchCsm);
}

/**
 * A sharded dataset's archives (`<dir>/<name>/a<k>.tar`) into the cache as Framework's archive loader would
 * leave them (`data/<name>/a<k>.tar`).
 */
function fillArchives(dir: string, name: string, stub: string, touched: Date | null): void {
  const index: ShardIndex = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
  copyArchives(join(dir, name), join(CACHE, "data", name), index.archives, stub, touched);
}

/** Archives `<from>/<a>.tar` into `<to>/<a>.tar`; an archive that changed drops the files Framework unpacked from it. */
function copyArchives(from: string, to: string, archives: string[], stub: string, touched: Date | null): void {
  if (touched && existsSync(stub)) utimesSync(stub, touched, touched);
  mkdirSync(to, { recursive: true });
  for (const archive of archives) {
    const source = statSync(join(from, `${archive}.tar`));
    const cached = join(to, `${archive}.tar`);
    const time = Math.floor(Math.max(source.mtimeMs, existsSync(stub) ? statSync(stub).mtimeMs : 0));
    const entry = existsSync(cached) ? statSync(cached) : null;
    if (entry && entry.size === source.size && sameTime(entry.mtimeMs, time)) continue;
    rmSync(join(to, archive), { recursive: true, force: true });
    copyFileSync(join(from, `${archive}.tar`), `${cached}.3r-tmp`);
    utimesSync(`${cached}.3r-tmp`, new Date(time), new Date(time));
    renameSync(`${cached}.3r-tmp`, cached);
  }
}
