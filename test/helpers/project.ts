/**
 * A private copy of the project for a test that builds the site. Framework keeps its loader cache in
 * `src/.observablehq/cache` and the build wrapper holds one lock per checkout (loaders/site/site-cache.ts), so
 * builds of one checkout run one at a time, and a test that adds a page or empties the cache would change what
 * another test's build publishes. Each copy has its own src/, cache, lock, `.3r` and `dist`, so whole-site
 * builds run beside each other and beside the unit tests. The code is copied, not linked: ROOT is where
 * `loaders/engine/fingerprint.ts` is, so the copy's commands work on the copy. node_modules and the sample
 * book are linked (read only).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { runDir } from "./shared.ts";

/** What a build reads from the checkout: code, pages, analysts' reports, docs (published as pages) and configs. */
const COPIED = ["loaders", "src", "reports", "docs", "observablehq.config.ts", "package.json", "tsconfig.json", "3r.config.json"];
const LINKED = ["node_modules", "data"];
/** Framework's bundles of npm packages: the same for every copy (one node_modules), so shared once one build made them. */
const NPM_CACHE = ["_node", "_npm"];

/** A fresh copy of the project in `root` (by default a new temp folder); its path. The caller removes it. */
export function projectCopy(root = mkdtempSync(join(tmpdir(), "3r-project-"))): string {
  mkdirSync(root, { recursive: true });
  for (const p of COPIED) {
    if (!existsSync(join(ROOT, p))) continue;
    cpSync(join(ROOT, p), join(root, p), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, "src", ".observablehq")) });
  }
  for (const p of LINKED) if (existsSync(join(ROOT, p))) symlinkSync(join(ROOT, p), join(root, p));
  return root;
}

/** Before a build in `root`: the npm bundles an earlier build of this run made, if it has none of its own. */
export function seedNpmCache(root: string): void {
  const seed = runDir() && join(runDir()!, "npm-cache");
  const cache = join(root, "src", ".observablehq", "cache");
  if (root === ROOT || !seed || !existsSync(seed) || NPM_CACHE.some((d) => existsSync(join(cache, d)))) return;
  cpSync(seed, cache, { recursive: true });
}

/**
 * After a successful build in `root`, keeps its npm bundles for the copies made later in this run (bundling
 * vega and the rest again costs ~10 s of CPU per build). The first build to finish wins; it is published by
 * one rename, so a copy sees all of it or none.
 */
export function shareNpmCache(root: string): void {
  const dir = runDir();
  if (root === ROOT || !dir || existsSync(join(dir, "npm-cache"))) return;
  const cache = join(root, "src", ".observablehq", "cache");
  if (!NPM_CACHE.every((d) => existsSync(join(cache, d)))) return;
  const tmp = mkdtempSync(join(dir, "npm-cache-"));
  for (const d of NPM_CACHE) cpSync(join(cache, d), join(tmp, d), { recursive: true });
  try {
    renameSync(tmp, join(dir, "npm-cache"));
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another build published first
  }
}

