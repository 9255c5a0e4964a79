/**
 * One case of the bad-input corpus, checked as npm run check would print it (test/ingest/bad-inputs*.test.ts run
 * the corpus in two halves so that neither file is the test suite's long tail on a 2-core machine).
 */
import { expect } from "vitest";
import { listProblems } from "../../loaders/engine/ingest/list-problems.ts";
import { formatNotice } from "../../loaders/engine/ingest/notices.ts";
import { formatProblem, type Problem } from "../../loaders/engine/ingest/problems.ts";
import { loadCase, TODAY } from "./bad-inputs.ts";
import { stage, type Staged } from "./stage.ts";

/** A problem as printed, with the temp folder taken out: paths relative to the case folder. */
const printed = (p: Problem) => formatProblem(p).replace(/^.*\/data\//, "");

/** Stages one case and checks its printed problems, counts, staged rows and Data quality page. */
export async function runCase(name: string): Promise<void> {
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
