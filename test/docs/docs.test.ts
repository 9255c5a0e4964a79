import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contractDoc } from "../../loaders/cli/contract-docs.ts";
import { sitePage, sitePages } from "../../loaders/cli/site-docs.ts";
import { CONTRACT, TABLE_NAMES } from "../../loaders/engine/contract.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";

const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

describe("the project documents itself", () => {
  it("docs/contract.md is what the contract code generates (run npm run docs after changing the contract)", () => {
    expect(read("docs/contract.md")).toBe(contractDoc());
  });

  it("the contract doc names every column of every table with its rule", () => {
    const doc = contractDoc();
    for (const t of TABLE_NAMES) for (const c of CONTRACT[t].columns) expect(doc, `${t}.${c.name}`).toContain(`| \`${c.name}\` |`);
    // health.score is a number from 0 to 100; renewals.arr_after is needed once the renewal is resolved
    expect(doc).toContain("| `score` | a plain number from 0 to 100 | no |");
    expect(doc).toContain("| `arr_after` | a plain number ≥ 0 | when the renewal is resolved |");
    expect(doc).toContain("`account_id` must name a row of `accounts`.");
  });

  it("the site's copies under src/docs are current", () => {
    for (const [path, text] of sitePages()) expect(read(join("src", path)), path).toBe(text);
  });

  it("links between docs point at the site's pages", () => {
    const page = sitePage("metrics", "# M\n\nSee [datasets.md](datasets.md) and [the contract](contract.md#renewals).\n");
    expect(page).toContain("[datasets.md](./datasets)");
    expect(page).toContain("[the contract](./contract#renewals)");
    expect(page.startsWith("---\ntitle: How figures are computed\n")).toBe(true);
  });

  it("no page, doc or README points at files outside the project", () => {
    const files = ["README.md", "docs/metrics.md", "docs/contract.md", ...["index", "risk", "revenue", "relationship", "loss-review", "green-profile", "journey", "csms", "data-quality"].map((p) => `src/${p}.md`)];
    for (const f of files) expect(read(f), f).not.toMatch(/\.\.\/shared|METRICS\.md|DATA-CONTRACT\.md/);
  });
});
