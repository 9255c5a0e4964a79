/**
 * A private copy of the project for a test that builds the site. Framework keeps its loader cache in
 * `src/.observablehq/cache` and the build wrapper holds one lock per checkout (loaders/site/site-cache.ts), so
 * builds of one checkout run one at a time, and a test that adds a page or empties the cache would change what
 * another test's build publishes. Each copy has its own src/, cache, lock, `.3r` and `dist`, so whole-site
 * builds run beside each other and beside the unit tests. The code is copied, not linked: ROOT is where
 * `loaders/engine/fingerprint.ts` is, so the copy's commands work on the copy. node_modules and the sample
 * book are linked (read only).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../loaders/engine/fingerprint.ts";

/** What a build reads from the checkout: code, pages, analysts' reports, docs (published as pages) and configs. */
const COPIED = ["loaders", "src", "reports", "docs", "observablehq.config.ts", "package.json", "tsconfig.json", "3r.config.json"];
const LINKED = ["node_modules", "data"];

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
