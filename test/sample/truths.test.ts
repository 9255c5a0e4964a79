import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBook, planBook } from "../../tools/sample/book.js";
import { EVENTS_SQL } from "../../tools/sample/check.js";
import type { Account } from "../../tools/sample/model.js";
import { openDuckDB } from "../../tools/sample/write.js";

const SEED = 11;
const ACCOUNTS = 300;
let root: string;
let measured: Map<string, Record<string, unknown>>;
let plan: Account[];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "sample-truths-"));
  await generateBook({ out: root, seed: SEED, accounts: ACCOUNTS });
  plan = planBook(SEED, ACCOUNTS);
  const conn = await openDuckDB();
  try {
    await conn.run(EVENTS_SQL(root));
    const rows = (await conn.runAndReadAll("select * from ev")).getRowObjectsJS();
    measured = new Map(rows.map((r) => [String(r.renewal_id), r]));
  } finally {
    conn.closeSync();
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("traits measured in the files (docs/metrics.md § Green profile) equal the planted states", () => {
  it("for every resolved renewal event", () => {
    const events = plan.flatMap((a) => a.events.filter((e) => e.status === "resolved").map((e) => ({ a, e })));
    expect(measured.size).toBe(events.length);
    for (const { a, e } of events) {
      const m = measured.get(e.id)!;
      const planted = {
        churned: e.churn, exec_sponsor: a.execSponsor, fast_value: a.fastValue, util60: e.traits.util,
        sticky: e.traits.sticky, review180: e.traits.review, touched30: e.traits.touched30,
        no_high_ticket: !e.traits.highTicket, promoter: e.traits.promoter,
      };
      for (const [trait, value] of Object.entries(planted)) expect(m[trait], `${e.id} ${trait}`).toBe(value);
      // a detractor shows only where the latest answer in the window exists and is not a promoter's
      if (m.detractor) expect(!e.traits.promoter && e.traits.detractor, `${e.id} detractor`).toBe(true);
    }
  });

  it("with red at the lookback only for honest CSMs' accounts, bar a rare under-caller red", () => {
    const red = [...measured.values()].filter((m) => m.color === "red");
    const under = red.filter((m) => ["Marcus Chen", "Olivia Bennett", "Rafael Souza"].includes(String(m.csm)));
    expect(red.length).toBeGreaterThan(20);
    expect(under.length / red.length).toBeLessThan(0.05);
  });
});
