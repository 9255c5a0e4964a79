/**
 * The browser bundles of our node_modules imports (loaders/site/node-bundles.ts): every package the pages
 * import is one of them, each is one self-contained file where Framework looks for it, with the exports the
 * pages use, and an existing bundle is kept.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { BUNDLED, bundleNodeImports, nodeCachePath } from "../../loaders/site/node-bundles.ts";
import { projectCopy } from "../helpers/project.ts";

const root = projectCopy();
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The bare specifiers imported by the site's pages and components (not relative, not Framework's own). */
function bareImports(dir: string): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true }).map(String)) {
    if (f.startsWith(".observablehq") || !/\.(js|md)$/.test(f) || !statSync(join(dir, f)).isFile()) continue;
    for (const m of readFileSync(join(dir, f), "utf8").matchAll(/^\s*import\b[^"'`]*?\bfrom\s*["']([^"']+)["']/gm)) {
      if (!/^(\.|\/|observablehq:|npm:)/.test(m[1])) out.add(m[1]);
    }
  }
  return out;
}

/** The imports left in a bundle and the names it exports. */
async function shape(file: string): Promise<{ imports: string[]; exports: string[] }> {
  const r = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, format: "esm", external: ["*"], logLevel: "silent" });
  return { imports: Object.values(r.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path)), exports: Object.values(r.metafile.outputs)[0].exports };
}

describe("browser bundles of node_modules imports", () => {
  it("cover every package the pages and components import", () => {
    const imported = bareImports(join(ROOT, "src"));
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].sort()).toEqual([...BUNDLED].sort());
  });

  it("are one self-contained file each, where Framework looks, with the exports the pages use", async () => {
    expect((await bundleNodeImports(root)).sort()).toEqual([...BUNDLED].sort());
    const embed = await shape(nodeCachePath(root, "vega-embed").file);
    expect(embed.imports).toEqual([]);
    expect(embed.exports).toContain("default");
    const arrow = await shape(nodeCachePath(root, "apache-arrow").file);
    expect(arrow.imports).toEqual([]);
    expect(arrow.exports).toEqual(expect.arrayContaining(["tableFromIPC", "makeVector", "DataType"]));
    // Framework's path: _node/<name>@<installed version>/index.js under the site's root.
    const version = JSON.parse(readFileSync(join(ROOT, "node_modules", "vega-embed", "package.json"), "utf8")).version;
    expect(nodeCachePath(root, "vega-embed").file).toBe(join(root, "src", ".observablehq", "cache", "_node", `vega-embed@${version}`, "index.js"));
  });

  it("are kept when present", async () => {
    const file = nodeCachePath(root, "apache-arrow").file;
    const before = statSync(file).mtimeMs;
    expect(await bundleNodeImports(root)).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(before);
  });
});
