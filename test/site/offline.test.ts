/**
 * A cold build with no network at all: `npm run clean && npm run build`
 * inside a new network namespace (`unshare -n`, as root), so that any fetch
 * (npm registry, CDN) fails the build. Framework's client bundle names npm
 * packages whose versions it would ask the registry for; loaders/site/offline-npm.ts
 * pins them (see there). It runs in a copy of the project, so cleaning empties
 * that copy's cache and warehouses, not the checkout's, nor another file's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectCopy } from "../helpers/project.ts";

const canUnshare = process.getuid?.() === 0 && spawnSync("unshare", ["-n", "true"]).status === 0;
const root = canUnshare ? projectCopy() : null;
afterAll(() => { if (root) rmSync(root, { recursive: true, force: true }); });

describe("offline build", () => {
  // Skipped only where no network namespace can be made (not root, or unshare missing): the reason is in the name.
  it.skipIf(!canUnshare)("builds the site from a clean tree with no network (unshare -n; skipped unless root with unshare)", () => {
    const r = spawnSync("unshare", ["-n", "sh", "-c", "npm run clean && npm run build"], { cwd: root!, encoding: "utf8", timeout: 1_200_000 });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(out).not.toMatch(/fetch failed|EAI_AGAIN|ENETUNREACH/);
    expect(r.status, out.slice(-2000)).toBe(0);
    expect(existsSync(join(root!, "dist", "index.html"))).toBe(true);
  }, 1_500_000);
});
