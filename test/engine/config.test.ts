/**
 * Settings come from flags and the config file only: the old hand-over variables (THREER_DATA,
 * THREER_AS_OF, THREER_CONFIG) are ignored; the as-of date's source is worded once; DuckDB's
 * resources are config settings that only the documented tuning variables override.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asOfLabel, loadConfig } from "../../loaders/engine/config.ts";

const dir = mkdtempSync(join(tmpdir(), "3r-config-"));
const withAsOf = join(dir, "with.json");
const without = join(dir, "without.json");
writeFileSync(withAsOf, JSON.stringify({ asOf: "2025-06-30", duckdb: { threads: 2, memoryLimit: "1GB" } }));
writeFileSync(without, JSON.stringify({}));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("config", () => {
  it("says where the as-of date came from: --as-of, the config, or nobody", () => {
    expect(asOfLabel(loadConfig({ config: withAsOf, asOf: "2024-01-31" }, {}))).toBe("set by --as-of");
    expect(asOfLabel(loadConfig({ config: withAsOf }, {}))).toBe("set in config");
    expect(asOfLabel(loadConfig({ config: without }, {}))).toBe("latest date in the inputs");
  });

  it("reads no setting from the environment but the documented test pins and tuning overrides", () => {
    const env = { THREER_DATA: "/elsewhere", THREER_AS_OF: "2000-01-01", THREER_CONFIG: withAsOf };
    const c = loadConfig({ config: without, data: join(dir, "data") }, env);
    expect(c.dataDir).toBe(join(dir, "data"));
    expect(c.asOf).toBeNull();
    expect(c.configPath).toBe(without);
    expect(c.duckdb).toEqual({ threads: null, memoryLimit: "2GB" });
    expect(loadConfig({ config: withAsOf }, {}).duckdb).toEqual({ threads: 2, memoryLimit: "1GB" });
    expect(loadConfig({ config: withAsOf }, { THREER_THREADS: "1", THREER_MEMORY: "500MB" }).duckdb).toEqual({ threads: 1, memoryLimit: "500MB" });
  });

  it("rejects a memory limit that is not a size", () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ duckdb: { memoryLimit: "lots" } }));
    expect(() => loadConfig({ config: join(dir, "bad.json") }, {})).toThrow(/duckdb\.memoryLimit: expected a size like 3GB/);
  });
});
