/**
 * The bad-input corpus: every folder of test/fixtures/bad/ is one test. Each
 * must print exactly the problem lines of its expected.txt (as `npm run check`
 * does), count its rows as counts.json says, and account for every row:
 * rows read = rows used + rows rejected, per table, in the ingest summary and
 * on the Data quality page alike. The cases are listed in the corpus README.
 * This file runs every other case (and the heavy one); bad-inputs-2.test.ts the
 * rest, so the two halves run side by side on the suite's two workers.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCase } from "../helpers/bad-input-case.ts";
import { CORPUS, caseNames, HEAVY, half, loadCase, TODAY } from "../helpers/bad-inputs.ts";

// Cases run a few at a time; one DuckDB thread each shares the 2 cores better than 2 threads each.
process.env.THREER_THREADS ??= "1";

const ROOT = join(import.meta.dirname, "..", "..");

describe.concurrent("bad-input corpus", () => {
  it("has more than 80 cases", () => {
    expect(caseNames().length).toBeGreaterThan(80);
  });

  for (const name of half(0)) it(name, () => runCase(name));
});

describe.sequential("bad-input corpus, heavy cases", () => {
  for (const name of caseNames().filter((n) => HEAVY.has(n))) it(name, () => runCase(name), 900_000);
});

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
