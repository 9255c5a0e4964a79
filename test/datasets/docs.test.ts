import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetsReadme } from "../../loaders/datasets/docs.ts";
import { DATASETS } from "../../loaders/datasets/index.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { stubPath } from "../../loaders/site/site-cache.ts";

describe("dataset documentation", () => {
  it("docs/datasets.md is what the definitions generate (run npm run docs after changing a dataset)", () => {
    expect(readFileSync(join(ROOT, "docs", "datasets.md"), "utf8")).toBe(datasetsReadme(DATASETS));
  });

  it("documents every column of every table, and every dataset has a loader stub", () => {
    for (const d of DATASETS) {
      // a sharded dataset's stub copies one archive (loaders/datasets/shards.ts)
      if (d.shards) expect(readFileSync(join(ROOT, "src", "data", d.name, "[archive].tar.js"), "utf8")).toContain(`emitArchive("${d.name}")`);
      else expect(readFileSync(stubPath(d.name), "utf8")).toContain(`emit("${d.name}")`);
      for (const [name, t] of Object.entries(d.tables)) {
        expect(t.sql ?? t.load, `${d.name}.${name} has a query`).toBeTruthy();
        for (const [c, def] of Object.entries(t.columns)) expect(def.doc.length, `${d.name}.${name}.${c} is documented`).toBeGreaterThan(2);
      }
    }
  });
});
