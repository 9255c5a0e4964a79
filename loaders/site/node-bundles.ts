/**
 * The browser bundles of the packages our pages import from node_modules, made in one esbuild pass.
 *
 * Framework turns a bare import (`import embed from "vega-embed"`) into a file of its cache,
 * `src/.observablehq/cache/_node/<name>@<version>/index.js`, which it makes with rollup one package at a
 * time when the file is missing: vega-embed and the 60 packages under it took ~5 s of a cold build of the
 * sample, a quarter of it. It uses the file as it finds it. So before Framework starts we write that file
 * ourselves when it is missing, with esbuild (the bundler Framework itself minifies with): each package
 * below and everything it imports in one self-contained file, ~0.3 s for both. The pages keep their bare
 * imports; a package an analyst's page imports that is not listed here is bundled by Framework as before.
 * The reader loads one file per package instead of one per dependency.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

/** The packages src/components import (test/site/node-bundles.test.ts checks that no other is imported). */
export const BUNDLED = ["vega-embed", "apache-arrow"] as const;

/** Framework's cache file for a bare import of `name` installed under `root`, and the package's folder. */
export function nodeCachePath(root: string, name: string): { file: string; dir: string } {
  const require = createRequire(join(root, "package.json"));
  // Up from the entry file to the package's own package.json: many packages do not export it.
  let dir = dirname(require.resolve(name));
  while (!(existsSync(join(dir, "package.json")) && JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name === name)) {
    if (dirname(dir) === dir) throw new Error(`cannot find the package.json of ${name}`);
    dir = dirname(dir);
  }
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
  return { file: join(root, "src", ".observablehq", "cache", "_node", `${name}@${version}`, "index.js"), dir };
}

/** Writes the missing bundles of `BUNDLED` into Framework's cache under `root`; returns the names written. */
export async function bundleNodeImports(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const name of BUNDLED) {
    const { file, dir } = nodeCachePath(root, name);
    if (existsSync(file)) continue;
    const code = await bundle(name, dir);
    mkdirSync(dirname(file), { recursive: true });
    // Whole or absent: Framework takes any file it finds there as the bundle.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
    written.push(name);
  }
  return written;
}

/** One package and all it imports as one ES module for the browser, with Framework's settings. */
async function bundle(name: string, resolveDir: string): Promise<string> {
  const run = (entry: string) => build({
    stdin: { contents: entry, resolveDir, loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    // As Framework's own bundles of node imports (its node.js): the same browsers, production builds, minified.
    target: ["es2022", "chrome96", "firefox96", "safari16", "node18"],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    minify: true,
    logLevel: "silent",
  });
  const spec = JSON.stringify(name);
  try {
    return (await run(`export * from ${spec}; export { default } from ${spec};`)).outputFiles[0].text;
  } catch (err) {
    // A package with no default export (apache-arrow): its named exports only.
    if (!/No matching export|does not provide an export named "default"/.test(String(err))) throw err;
    return (await run(`export * from ${spec};`)).outputFiles[0].text;
  }
}

const started = new Map<string, Promise<{ names: string[]; seconds: number }>>();

/**
 * `bundleNodeImports(root)` once per process, started by the first caller: `npm run build` and `npm run dev`
 * start it before staging (esbuild works in its own process, beside DuckDB) and `runFramework` waits for it.
 */
export function nodeBundles(root: string): Promise<{ names: string[]; seconds: number }> {
  let p = started.get(root);
  if (!p) {
    const t0 = Date.now();
    p = bundleNodeImports(root).then((names) => ({ names, seconds: (Date.now() - t0) / 1000 }));
    // A failure is told where it is awaited (runFramework), not as an unhandled rejection before.
    p.catch(() => {});
    started.set(root, p);
  }
  return p;
}

/**
 * Has Framework's module cache hash the bundles now. Framework hashes each bundle it publishes (an acorn parse:
 * ~1 s for vega-embed's 0.9 MB) after it has copied the data files, on the build's last leg; its cache of module
 * facts is keyed by file and checked against the file's time, so a hash taken earlier, while the build waits for
 * its datasets (observablehq.config.ts), is the one it then uses. Framework's own module, so only speed depends on
 * it: with another Framework version this does nothing and Framework hashes them itself, as before.
 */
export async function hashNodeBundles(root: string): Promise<void> {
  try {
    // @ts-expect-error Framework ships no types for its internal modules.
    const { getModuleHash } = await import("@observablehq/framework/dist/javascript/module.js");
    // Framework's own arguments (build.js): its root as configured ("src") and the bundle's path in the cache.
    const cacheRoot = join("src", ".observablehq", "cache");
    for (const name of BUNDLED) {
      const { file } = nodeCachePath(root, name);
      if (existsSync(file)) getModuleHash(cacheRoot, `/_node/${file.split("/_node/")[1]}`);
    }
  } catch {
    // another Framework version: it hashes the bundles on its own
  }
}
