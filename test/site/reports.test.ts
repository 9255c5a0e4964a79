/**
 * An analyst adds an analysis from one SQL file and one page: scaffold it with `npm run new-report`, edit its
 * SQL, build, and find the new numbers in the built page and in `npm run report`'s output; build again with no
 * change and nothing is recomputed; break the SQL and the build fails naming file and line, leaving the
 * previous site as it was.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { launch } from "../helpers/chromium.ts";
import { csv } from "../helpers/stage.ts";
import { projectCopy } from "../helpers/project.ts";
import { build, publishedDataset, serve, TSX } from "../helpers/site.ts";

vi.setConfig({ testTimeout: 900_000 });

const NAME = "zz_site_test_report";
// The analyst works in a copy of the project: the new files never appear in the checkout, nor in another file's build.
const root = projectCopy();
const sqlFile = join(root, "reports", `${NAME}.sql`);
const pageFile = join(root, "src", "reports", `${NAME}.md`);
const dir = mkdtempSync(join(tmpdir(), "3r-reports-"));
const data = join(dir, "data");
const out = join(dir, "dist");
const args = ["--data", data, "--config", join(dir, "3r.config.json"), "--out", out];

mkdirSync(data, { recursive: true });
writeFileSync(join(dir, "3r.config.json"), JSON.stringify({ asOf: "2025-06-30" }));
writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since,segment,industry", "A1,2023-01-15,SMB,Retail", "A2,2023-03-01,Enterprise,Media"));
// A1 renewed on 2025-01-15, 1000 → 900 (GRR 90%); A2 renewed 2025-03-01, 2000 → 0 (churned).
writeFileSync(join(data, "renewals.csv"), csv(
  "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
  "R1,A1,2025-01-15,2025-01-10,Core,1000,900",
  "R2,A2,2025-03-01,2025-02-20,Core,2000,0"));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const tool = (script: string, argv: string[]) => spawnSync(process.execPath, [TSX, `loaders/cli/${script}.ts`, ...argv], { cwd: root, encoding: "utf8" });

describe("an analyst's own report", () => {
  it("is scaffolded, edited, built and exported; an unchanged rebuild recomputes nothing; a broken file fails the build with its line", async () => {
    const scaffold = tool("new-report", [NAME]);
    expect(scaffold.status, scaffold.stderr).toBe(0);
    expect(readFileSync(pageFile, "utf8")).toContain(`reportRows(reports, "${NAME}")`);
    expect(tool("new-report", [NAME]).stderr).toMatch(/exists already/);

    // The scaffold as written works: GRR per segment and year, worked by hand from the two renewals above.
    let built = build(args, {}, root);
    expect(built.code, built.output).toBe(0);
    let table = publishedDataset(out, "reports").tables[NAME];
    expect(table).toEqual({ segment: ["Enterprise", "SMB"], renewal_year: [2025, 2025], renewals: [1, 1], resolved_arr: [2000, 1000], grr: [0, 0.9], logo_churn_rate: [1, 0] });
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain(`reports/${NAME}`);  // in the sidebar at once

    // The analyst edits the SQL: the whole book's GRR, (900 + 0) / (1000 + 2000) = 30%.
    writeFileSync(sqlFile, [
      "select 'All' as segment, 2025 as renewal_year, count(*) as renewals,",
      "    sum(retained) / sum(resolved_value) as grr",
      "from int_renewal_events where is_resolved",
    ].join("\n"));
    built = build(args, {}, root);
    expect(built.code, built.output).toBe(0);
    table = publishedDataset(out, "reports").tables[NAME];
    expect(table).toEqual({ segment: ["All"], renewal_year: [2025], renewals: [2], grr: [0.3] });

    // The built page shows it.
    const server = await serve(out);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/reports/${NAME}`, { waitUntil: "networkidle" });
      await page.waitForSelector("table.data-table td");
      expect(await page.locator("table.data-table tbody").innerText()).toMatch(/All\s+2025\s+2\s+30\.0%/);
    } finally {
      await browser.close();
      await server.close();
    }

    // npm run report writes the same numbers.
    const report = tool("report", [...args.slice(0, 4), "--out", join(dir, "out")]);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", "reports.json"), "utf8")).tables[NAME].grr).toEqual([0.3]);

    // Nothing changed: nothing is recomputed.
    const again = build(args, {}, root);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("(nothing changed)");
    expect(again.output).not.toMatch(/dataset \S+ computed/);

    // A mistake: the build stops with the file and line, and the published site keeps the last good numbers.
    writeFileSync(sqlFile, "select 'All' as segment,\n    sum(retained) / sum(resolved_value) as grr\nfrom int_renewal_event");
    const broken = build(args, {}, root);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(new RegExp(`reports/${NAME}\\.sql:3: Catalog Error: Table with name int_renewal_event does not exist!`));
    expect(broken.output).toContain("tables you can read:");
    expect(broken.output).not.toMatch(/\n\s+at /);  // a plain message, no stack trace
    expect(publishedDataset(out, "reports").tables[NAME].grr).toEqual([0.3]);
    expect(existsSync(join(out, "reports", `${NAME}.html`))).toBe(true);
  });
});
