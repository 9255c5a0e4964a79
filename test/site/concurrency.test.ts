/**
 * One data folder, two commands at once: a build computing its datasets and
 * `npm run report -- --as-of 2000-01-01`, which re-stages the same warehouse for another date.
 * The data lock holds from staging through the last dataset read, so each command publishes the
 * numbers of its own as-of date, and the build's numbers match its footer.
 *
 * To make the two overlap for sure (no timing luck), the test holds the data folder's lock itself
 * while it starts both; each says it is waiting; then the lock is released and they race for it.
 * Whichever goes first, the other re-stages after it has finished reading.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../loaders/engine/config.ts";
import { withWarehouse } from "../../loaders/engine/warehouse.ts";
import { projectCopy } from "../helpers/project.ts";
import { csv } from "../helpers/stage.ts";
import { publishedDataset, publishedDatasets, TSX } from "../helpers/site.ts";
import { until } from "../helpers/until.ts";

vi.setConfig({ testTimeout: 900_000 });

const dir = mkdtempSync(join(tmpdir(), "3r-race-"));
const data = join(dir, "data");
const configPath = join(dir, "3r.config.json");
const out = join(dir, "dist");
const report = join(dir, "report");
// its own copy of the project (its own Framework cache), so other files' builds run beside it
const root = projectCopy();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

function start(tool: string, args: string[]): { child: ChildProcess; stderr: () => string; done: Promise<number> } {
  const child = spawn(process.execPath, [TSX, `loaders/cli/${tool}.ts`, "--data", data, "--config", configPath, ...args], {
    cwd: root, env: { ...process.env, THREER_QUIET: "0" }, stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (b) => { err += String(b); });
  return { child, stderr: () => err, done: new Promise((r) => child.on("close", (c) => r(c ?? 1))) };
}

describe("build and report on one data folder at once", () => {
  it("each publishes the numbers of its own as-of date; the build's match its footer", async () => {
    mkdirSync(data, { recursive: true });
    writeFileSync(configPath, JSON.stringify({ asOf: "2025-06-30" }));
    writeFileSync(join(data, "accounts.csv"), csv("account_id,customer_since,csm", "A1,2023-01-15,Ann", "A2,2023-03-01,Bo"));
    writeFileSync(join(data, "renewals.csv"), csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "R1,A1,2025-01-15,2025-01-10,Core,1000,1200",
      "R2,A2,2025-09-01,,Core,500,"));

    let b!: ReturnType<typeof start>;
    let r!: ReturnType<typeof start>;
    await withWarehouse(loadConfig({ config: configPath, data }), async () => {
      b = start("build", ["--out", out]);
      r = start("report", ["--out", report, "--as-of", "2000-01-01"]);
      await until(() => b.stderr().includes("waiting for") && r.stderr().includes("waiting for"), "both commands waiting for the data lock");
    });
    const [built, reported] = await Promise.all([b.done, r.done]);
    expect(built, b.stderr()).toBe(0);
    expect(reported, r.stderr()).toBe(0);

    // The build: footer and every dataset at 2025-06-30.
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("As of <strong>2025-06-30</strong> (set in config)");
    const published = publishedDatasets(out);
    expect(published).toContain("overview");
    for (const d of published) expect(publishedDataset(out, d).asOf, d).toBe("2025-06-30");
    // Current ARR at 2025-06-30, by hand: A1 renewed 2025-01-15 at arr_after 1200; A2's open renewal (due 2025-09-01) counts arr_before 500.
    expect(publishedDataset(out, "overview").tables.book.current_arr).toEqual([1700]);

    // The report: every dataset at 2000-01-01, said to be set by --as-of.
    // (actions.json is the CRM import's rows, not a dataset: it carries no asOf)
    for (const f of readdirSync(report).filter((x) => x.endsWith(".json") && x !== "actions.json")) {
      expect(JSON.parse(readFileSync(join(report, f), "utf8")).asOf, f).toBe("2000-01-01");
    }
    const meta = JSON.parse(readFileSync(join(report, "data-quality.json"), "utf8")).tables;
    expect(JSON.stringify(meta)).toContain("set by --as-of");
  });
});
