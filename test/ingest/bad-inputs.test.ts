/**
 * The bad-input corpus: every folder of test/fixtures/bad/ is one test. Each
 * must print exactly the problem lines of its expected.txt (as `npm run check`
 * does), count its rows as counts.json says, and account for every row:
 * rows read = rows used + rows rejected, per table, in the ingest summary and
 * on the Data quality page alike. The cases are listed in the corpus README.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listProblems } from "../../loaders/engine/ingest/list-problems.ts";
import { formatNotice } from "../../loaders/engine/ingest/notices.ts";
import { formatProblem, type Problem } from "../../loaders/engine/ingest/problems.ts";
import { CORPUS, caseNames, loadCase, TODAY } from "../helpers/bad-inputs.ts";
import { stage, type Staged } from "../helpers/stage.ts";

// Cases run a few at a time; one DuckDB thread each shares the 2 cores better than 2 threads each.
process.env.THREER_THREADS ??= "1";

const ROOT = join(import.meta.dirname, "..", "..");
/** A problem as printed, with the temp folder taken out: paths relative to the case folder. */
const printed = (p: Problem) => formatProblem(p).replace(/^.*\/data\//, "");

/**
 * Cases too large to share the machine with others: each runs alone, after the
 * rest, with a budget that no machine speed decides (a 50 MB field took 60 s
 * beside four other cases on 2 busy cores).
 */
const HEAVY = new Set(["36-field-of-50-mb"]);

describe.concurrent("bad-input corpus", () => {
  it("has more than 80 cases", () => {
    expect(caseNames().length).toBeGreaterThan(80);
  });

  for (const name of caseNames().filter((n) => !HEAVY.has(n))) it(name, () => runCase(name));
});

describe.sequential("bad-input corpus, heavy cases", () => {
  for (const name of caseNames().filter((n) => HEAVY.has(n))) it(name, () => runCase(name), 900_000);
});

/** Stages one case and checks its printed problems, counts, staged rows and Data quality page. */
async function runCase(name: string): Promise<void> {
  const c = await loadCase(name);
  let s: Staged;
  try {
    s = await stage(c.files, { today: TODAY, config: c.config });
  } catch (err) {
    // A config mistake stops everything before a file is read: expected.txt holds its lines, and no rows are counted.
    if ((err as Error).constructor.name !== "ConfigError") throw err;
    expect((err as Error).message.split("\n").map((l) => l.replace(/^.*3r\.config\.json: /, "3r.config.json: "))).toEqual(c.expected);
    expect(c.counts).toEqual({});
    return;
  }
  try {
    // Exactly what npm run check prints: each table's problems in file order, then the folder's.
    const listed = await listProblems(s.db);
    const lines = [...listed.flatMap((t) => t.problems.map(printed)), ...s.result.discovery.map(printed)];
    expect(lines).toEqual(c.expected);
    if (c.expected.length === 0) expect(s.result.fatal).toEqual([]);
    if (c.notices) expect(s.result.notices.map((n) => formatNotice(n).replace(/^.*\/data\//, ""))).toEqual(c.notices);

    const counts = Object.fromEntries(s.result.tables.filter((t) => t.file || t.rows_read)
      .map((t) => [t.table_name, [t.rows_read, t.rows_rejected, t.rows_used]]));
    expect(counts).toEqual(c.counts);

    for (const t of s.result.tables) {
      // Every row is accounted for, in every table (an unusable file: all its rows rejected, or none read).
      expect(t.rows_read, t.table_name).toBe(t.rows_used + t.rows_rejected);
      const staged = await s.query(`select count(*)::int as n from stg_${t.table_name}`);
      expect(staged[0].n, t.table_name).toBe(t.rows_used);
      if (t.unusable) {
        expect(t.rows_used, t.table_name).toBe(0);
        continue;
      }
      // Each rejected row is listed, on its own line (a row may break several rules).
      const own = listed.find((x) => x.table === t.table_name)?.problems ?? [];
      expect(new Set(own.map((p) => p.line)).size, t.table_name).toBe(t.rows_rejected);
    }

    // The Data quality page shows the same counts, and its reasons cover every problem of every row.
    const dq = await s.dataset("data-quality");
    for (const row of dq.table("tables")) {
      const t = s.result.tables.find((x) => x.table_name === row.table_name)!;
      expect([row.rows_read, row.rows_rejected, row.rows_used]).toEqual([t.rows_read, t.rows_rejected, t.rows_used]);
      if (t.unusable) continue;
      const reasons = dq.table("reasons").filter((r) => r.table_name === t.table_name).reduce((n, r) => n + Number(r.rows), 0);
      expect(reasons, t.table_name).toBe(listed.find((x) => x.table === t.table_name)?.problems.length ?? 0);
    }

    // The page lists the same warnings, each naming only a file or setting (never the folder it is in).
    if (c.notices) {
      const warnings = dq.table("warnings");
      expect(warnings.map((w) => w.message)).toEqual(s.result.notices.map((n) => n.message));
      for (const w of warnings) expect(String(w.about)).not.toContain("/");
    }

    for (const [sql, rows] of Object.entries(c.staged)) expect(await s.query(sql), sql).toEqual(rows);
  } finally {
    s.close();
  }
}

const run = promisify(execFile);

/** Runs the real `npm run check` from inside a case folder, so its paths print relative to it. */
async function check(name: string): Promise<{ code: number; out: string }> {
  const state = mkdtempSync(join(tmpdir(), "3r-check-"));
  try {
    const r = await run(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "loaders", "cli", "check.ts"), "--data", "."], {
      cwd: join(CORPUS, name), env: { ...process.env, THREER_STATE: state, THREER_TODAY: TODAY },
    });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

describe.concurrent("npm run check on corpus cases", () => {
  for (const name of ["08-renamed-columns-mapping", "03-misnamed-file", "04-missing-required-column", "52-orphan-account-ids"]) {
    it(name, async () => {
      const c = await loadCase(name);
      const { code, out } = await check(name);
      const lines = out.split("\n");
      // Problem lines come first, up to the blank line before the summary.
      expect(lines.slice(0, lines.indexOf(""))).toEqual(c.expected);
      expect(code).toBe(c.expected.length ? 1 : 0);
      for (const [table, [read, rejected, used]] of Object.entries(c.counts)) {
        expect(out).toMatch(new RegExp(`^${table}\\s+\\S+\\s+${read}\\s+${rejected}\\s+${used}\\b`, "m"));
      }
      // A file-level problem: the table is marked, its rows counted as read and rejected.
      if (name.startsWith("04")) expect(out).toMatch(/^accounts\s+accounts\.csv\s+3\s+3\s+0 {2}unusable: see the problem above$/m);
      if (name.startsWith("03")) expect(out).toMatch(/^ignored \(not a table of the contract\): acounts\.csv, counts\.json$/m);
      expect(existsSync(join(CORPUS, name, ".3r"))).toBe(false);
    });
  }
});
