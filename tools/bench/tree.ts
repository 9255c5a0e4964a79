/**
 * A snapshot of the project for the bench to build: the code as it was when
 * the run started, with its own Framework cache and build lock. In a shared
 * working tree, other builds would otherwise replace the cached datasets
 * between our builds (one cache slot per dataset) and make us wait for their
 * lock, and edits made during the run would rebuild models we did not change.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../../loaders/engine/fingerprint.ts";

/** What a build needs from the repository (node_modules is linked, not copied). */
const PARTS = ["loaders", "tools", "reports", "src", "observablehq.config.ts", "package.json", "tsconfig.json"];
/** Framework's bundles of npm packages: they depend only on package versions, and rebuilding them would measure npm, not us. */
const BUNDLES = ["_node", "_npm"];

/** Copies the project into `<root>/tree`, keeping (or seeding from the project's cache) Framework's package bundles. */
export function snapshotTree(root: string): string {
  const tree = join(root, "tree");
  const cache = (base: string) => join(base, "src", ".observablehq", "cache");
  const saved = join(root, "bundles.saved");
  rmSync(saved, { recursive: true, force: true });
  mkdirSync(saved, { recursive: true });
  for (const b of BUNDLES) {
    const from = existsSync(join(cache(tree), b)) ? join(cache(tree), b) : join(cache(ROOT), b);
    if (existsSync(from)) cpSync(from, join(saved, b), { recursive: true });
  }
  rmSync(tree, { recursive: true, force: true });
  for (const part of PARTS) {
    cpSync(join(ROOT, part), join(tree, part), {
      recursive: true,
      filter: (p) => !relative(ROOT, p).startsWith(join("src", ".observablehq")),
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"));
  mkdirSync(cache(tree), { recursive: true });
  for (const b of BUNDLES) if (existsSync(join(saved, b))) renameSync(join(saved, b), join(cache(tree), b));
  rmSync(saved, { recursive: true, force: true });
  return tree;
}
