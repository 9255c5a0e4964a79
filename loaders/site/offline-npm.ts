/**
 * Offline builds. Framework bundles its own client (main.js and its standard
 * library), which names npm packages in lazy `import("npm:…")` calls: react-dom
 * for JSX cells, d3, Plot, Arquero… for the implicit globals. Bundling resolves
 * each name to a version — from a cache folder
 * `src/.observablehq/cache/_npm/<name>@<version>/` when one exists, else by
 * asking registry.npmjs.org for "latest" — so with no network the build fails
 * (`fetch failed … EAI_AGAIN`), and `npm run clean` empties that cache.
 *
 * Our pages import only from node_modules and use no implicit global or JSX, so
 * none of these packages is ever loaded: only a version is needed, to write a
 * path that is never followed. Before every build we create those folders:
 * the version installed in node_modules when there is one, else the pinned
 * one below. The names are read from Framework's own client code, so an
 * upgrade that names a new package is covered too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Versions (all published) for packages Framework's client names and node_modules does not hold. */
export const PINNED_NPM: Readonly<Record<string, string>> = {
  "react": "19.1.0", "react-dom": "19.1.0", "d3": "7.9.0", "htl": "0.3.1", "lodash": "4.17.21", "arquero": "7.2.0",
  "apache-arrow": "17.0.0", "echarts": "5.5.1", "leaflet": "1.9.4", "mapbox-gl": "3.7.0", "mermaid": "11.4.1",
  "katex": "0.16.11", "exceljs": "4.4.0", "sql.js": "1.12.0", "parquet-wasm": "0.6.1", "@observablehq/plot": "0.6.16",
  "@observablehq/sample-datasets": "1.0.1", "@viz-js/viz": "3.4.0", "vega-lite-api": "5.0.0", "@uwdata/vgplot": "0.10.0",
};
/** For a name neither installed nor pinned (a newer Framework): a version that says so. */
const UNKNOWN = "0.0.0-not-installed";

const require = createRequire(import.meta.url);

/** The package names (with the range, if any) in Framework's client `npm:` imports. */
export function clientNpmImports(): Map<string, string | undefined> {
  const client = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "client");
  const out = new Map<string, string | undefined>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".js")) {
        for (const m of readFileSync(join(dir, e.name), "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@([^/"'`]+))?/g)) out.set(m[1], m[2]);
      }
    }
  };
  walk(client);
  return out;
}

/** The version of `name` installed in node_modules, if any (read from disk: many packages do not export package.json). */
function installed(name: string): string | null {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, "node_modules", name, "package.json");
    if (existsSync(pkg)) return JSON.parse(readFileSync(pkg, "utf8")).version ?? null;
    if (dirname(dir) === dir) return null;
  }
}

/** Creates the version folders Framework resolves from, under the site's root (`src`). Returns name → version. */
export function pinNpmVersions(root: string): Record<string, string> {
  const cache = join(root, ".observablehq", "cache", "_npm");
  const out: Record<string, string> = {};
  for (const [name, range] of clientNpmImports()) {
    // An exact version in the import (duckdb-wasm's) is used as it is: Framework asks no one for it.
    // DuckDB-Wasm's version is pinned by Framework itself (DUCKDB_WASM_VERSION).
    if ((range && /^\d+\.\d+\.\d+/.test(range)) || name === "@duckdb/duckdb-wasm") continue;
    const version = installed(name) ?? PINNED_NPM[name] ?? UNKNOWN;
    out[name] = version;
    const dir = join(cache, `${name}@${version}`);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  }
  return out;
}
