/**
 * Every 95% interval uses z = 1.959963984540054 (the exact 97.5% normal quantile) from one place:
 * loaders/datasets/stats/intervals.ts. SQL reads it as getvariable('z95'); no other file writes a z.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Z95 } from "../../loaders/datasets/stats/intervals.ts";
import { ConfigFile, type Config } from "../../loaders/engine/config.ts";
import { listFiles, ROOT } from "../../loaders/engine/fingerprint.ts";
import { variableValues } from "../../loaders/engine/variables.ts";

describe("the z of every 95% interval", () => {
  it("is the exact 97.5% normal quantile and reaches SQL as a variable", () => {
    expect(Z95).toBe(1.959963984540054);
    const config = ConfigFile.parse({}) as Config;
    expect(variableValues(config, "2025-12-31").z95).toBe(Z95);
  });

  it("is written nowhere else: no 1.96 or 1.9599… literal in loaders, tools or src", () => {
    // src/docs/ holds the published copies of docs/ (prose that may quote the value)
    const files = ["loaders", "tools", "src"].flatMap((d) => listFiles(join(ROOT, d), (n) => /\.(ts|js|sql|md)$/.test(n))).filter((f) => !f.startsWith("src/docs/"));
    expect(files.length).toBeGreaterThan(50);
    const writers = files.filter((f) => /(?<![\d.])1\.9(?:6|599)\d*/.test(readFileSync(join(ROOT, f), "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "")));
    expect(writers).toEqual(["loaders/datasets/stats/intervals.ts"]);
  });
});
