/**
 * A cold build with no network at all: `npm run clean && npm run build`
 * inside a new network namespace (`unshare -n`, as root), so that any fetch
 * (npm registry, CDN) fails the build. Framework's client bundle names npm
 * packages whose versions it would ask the registry for; loaders/site/offline-npm.ts
 * pins them (see there). It also makes the browser bundles of our node_modules imports, which a clean
 * tree has not got (loaders/site/node-bundles.ts). It runs in a copy of the project, so cleaning empties
 * that copy's cache and warehouses, not the checkout's, nor another file's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
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
    // The cold build bundles our node_modules imports itself (loaders/site/node-bundles.ts): Framework bundles
    // none, and a reader loads one file per package.
    expect(readdirSync(join(root!, "dist", "_node")).map((d) => d.replace(/@.*/, "")).sort()).toEqual(["apache-arrow", "vega-embed"]);
  }, 1_500_000);
});
