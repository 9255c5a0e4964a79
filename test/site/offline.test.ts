/**
 * A cold build with no network at all: `npm run clean && npm run build`
 * inside a new network namespace (`unshare -n`, as root), so that any fetch
 * (npm registry, CDN) fails the build. Framework's client bundle names npm
 * packages whose versions it would ask the registry for; loaders/site/offline-npm.ts
 * pins them (see there).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const canUnshare = process.getuid?.() === 0 && spawnSync("unshare", ["-n", "true"]).status === 0;

describe("offline build", () => {
  // Skipped only where no network namespace can be made (not root, or unshare missing): the reason is in the name.
  it.skipIf(!canUnshare)("builds the site from a clean tree with no network (unshare -n; skipped unless root with unshare)", () => {
    const r = spawnSync("unshare", ["-n", "sh", "-c", "npm run clean && npm run build"], { cwd: ROOT, encoding: "utf8", timeout: 1_200_000 });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(out).not.toMatch(/fetch failed|EAI_AGAIN|ENETUNREACH/);
    expect(r.status, out.slice(-2000)).toBe(0);
    expect(existsSync(join(ROOT, "dist", "index.html"))).toBe(true);
  }, 1_500_000);
});
