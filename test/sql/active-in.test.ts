/**
 * The user-month grain (int_usage_user_months) keeps each user's active days of a month as bits; every count of
 * distinct active users over a window reads it through the macro active_in(days, month, after, upto): is any
 * active day d with after < d ≤ upto? Hand-worked cases at each edge, then every window against a day-by-day
 * reading of the same bits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { createFigureMacros } from "../../loaders/engine/figure-macros.ts";

let db: Db;
beforeAll(async () => {
  db = await Db.open();
  await createFigureMacros(db);
});
afterAll(() => db.close());

const bits = (...days: number[]) => days.reduce((m, d) => m | (1 << (d - 1)), 0);
const activeIn = async (days: number, month: string, after: string, upto: string) =>
  (await db.one<{ x: boolean }>(`select active_in(${days}, date '${month}', date '${after}', date '${upto}') as x`))!.x;

describe("active_in", () => {
  it("reads June's days 1, 15 and 30 at each edge of a window (after excluded, upto included)", async () => {
    const june = bits(1, 15, 30);
    expect(await activeIn(june, "2025-06-01", "2025-05-31", "2025-06-30")).toBe(true); // the whole month
    expect(await activeIn(june, "2025-06-01", "2025-05-31", "2025-06-01")).toBe(true); // day 1 alone
    expect(await activeIn(june, "2025-06-01", "2025-06-01", "2025-06-14")).toBe(false); // days 2–14: day 1 is "after"
    expect(await activeIn(june, "2025-06-01", "2025-06-14", "2025-06-15")).toBe(true); // day 15 alone
    expect(await activeIn(june, "2025-06-01", "2025-06-15", "2025-06-29")).toBe(false); // days 16–29
    expect(await activeIn(june, "2025-06-01", "2025-06-29", "2025-07-10")).toBe(true); // a window running past the month: day 30
    expect(await activeIn(june, "2025-06-01", "2025-04-01", "2025-05-31")).toBe(false); // ends before the month
    expect(await activeIn(june, "2025-06-01", "2025-06-30", "2025-07-31")).toBe(false); // starts after it
    expect(await activeIn(june, "2025-06-01", "2025-03-01", "2025-09-30")).toBe(true); // covers it
  });

  it("reads day 31 (bit 30) and February's last day", async () => {
    expect(await activeIn(bits(31), "2025-07-01", "2025-07-30", "2025-07-31")).toBe(true);
    expect(await activeIn(bits(31), "2025-07-01", "2025-06-30", "2025-07-30")).toBe(false);
    expect(await activeIn(bits(29), "2024-02-01", "2024-02-28", "2024-03-05")).toBe(true); // leap day
  });

  it("agrees with a day-by-day reading for every window of a month with random active days", async () => {
    // 2024-02 (29 days) and 2025-07 (31 days); windows from 3 days before the month to 3 days after it
    for (const [month, length] of [["2024-02-01", 29], ["2025-07-01", 31]] as const) {
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const active = Array.from({ length }, (_, i) => i + 1).filter(() => random() < 0.2);
      const mask = bits(...active);
      const rows = await db.rows<{ a: number; u: number; x: boolean }>(`
        select a, u, active_in(${mask}, date '${month}', date '${month}' + a::integer, date '${month}' + u::integer) as x
        from range(-4, ${length + 3}) as r(a), range(-4, ${length + 3}) as s(u) where a <= u order by a, u`);
      expect(rows.length).toBeGreaterThan(500);
      // day-of-month of (month + k) is k + 1 inside the month
      for (const { a, u, x } of rows) expect(x, `(${a}, ${u}]`).toBe(active.some((d) => d - 1 > a && d - 1 <= u));
    }
  });
});
