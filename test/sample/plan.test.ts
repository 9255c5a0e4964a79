import { describe, expect, it } from "vitest";
import { planBook } from "../../tools/sample/book.js";
import { AS_OF, anniversary, day, iso } from "../../tools/sample/calendar.js";
import { UNDER_CALLERS } from "../../tools/sample/catalog.js";
import { NON_DRIVERS } from "../../tools/sample/drivers.js";
import { Rng } from "../../tools/sample/random.js";

const book = planBook(42, 2000);
const resolved = book.flatMap((a) => a.events.filter((e) => e.status === "resolved").map((e) => ({ a, e })));
const churnRate = (xs: typeof resolved) => xs.filter((x) => x.e.churn).length / xs.length;

describe("random and calendar helpers", () => {
  it("repeat a stream for the same keys and differ for other keys", () => {
    const draw = (...keys: (string | number)[]) => Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(...keys)));
    expect(draw(42, "usage", 1)).toEqual(draw(42, "usage", 1));
    expect(draw(42, "usage", 1)).not.toEqual(draw(42, "usage", 2));
    const rng = new Rng(1);
    for (let i = 0; i < 1000; i++) expect(rng.int(3, 5)).toBeGreaterThanOrEqual(3);
  });

  it("map ISO dates and anniversaries", () => {
    expect(iso(day("2026-09-30"))).toBe("2026-09-30");
    expect(iso(anniversary(day("2024-02-29"), 1))).toBe("2025-02-28");
    expect(iso(anniversary(day("2022-10-01"), 4))).toBe("2026-10-01");
  });
});

describe("the planned default book (seed 42, 2000 accounts)", () => {
  it("has ~4000 resolved renewals, 20 overdue and upcoming ones within a year", () => {
    expect(resolved.length).toBeGreaterThan(3500);
    const events = book.flatMap((a) => a.events);
    expect(events.filter((e) => e.status === "overdue").length).toBe(20);
    expect(events.filter((e) => e.status === "overdue").every((e) => e.date < AS_OF)).toBe(true);
    expect(events.filter((e) => e.status === "upcoming").every((e) => e.date > AS_OF && e.date <= day("2027-09-30"))).toBe(true);
  });

  it("churns SMB most and Enterprise least, ~10–15% overall", () => {
    const seg = (s: string) => churnRate(resolved.filter((x) => x.a.segment === s));
    expect(seg("SMB")).toBeGreaterThan(0.15);
    expect(seg("Enterprise")).toBeLessThan(0.08);
    expect(seg("Mid-Market")).toBeGreaterThan(seg("Enterprise"));
    expect(churnRate(resolved)).toBeGreaterThan(0.1);
    expect(churnRate(resolved)).toBeLessThan(0.16);
  });

  it("balances every non-driver between churned and retained renewals", () => {
    for (const trait of NON_DRIVERS) {
      const pool = trait === "detractor" ? resolved.filter((x) => !x.e.traits.promoter) : resolved;
      const share = (churn: boolean) => {
        const g = pool.filter((x) => x.e.churn === churn);
        return g.filter((x) => x.e.traits[trait]).length / g.length;
      };
      expect(Math.abs(share(true) - share(false)), trait).toBeLessThan(0.01);
    }
  });

  it("plants each driver with a large effect on retention", () => {
    const drivers = {
      execSponsor: (x: (typeof resolved)[number]) => x.a.execSponsor,
      fastValue: (x: (typeof resolved)[number]) => x.a.fastValue,
      util: (x: (typeof resolved)[number]) => x.e.traits.util,
      sticky: (x: (typeof resolved)[number]) => x.e.traits.sticky,
      review: (x: (typeof resolved)[number]) => x.e.traits.review,
    };
    for (const [name, has] of Object.entries(drivers)) {
      const gap = churnRate(resolved.filter((x) => !has(x))) - churnRate(resolved.filter(has));
      expect(gap, name).toBeGreaterThan(0.1);
    }
  });

  it("marks 40 flip-flop accounts, ~3% unscored, and three under-callers", () => {
    expect(book.filter((a) => a.flipFlop).length).toBe(40);
    const unscored = book.filter((a) => a.unscored).length / book.length;
    expect(unscored).toBeGreaterThan(0.02);
    expect(unscored).toBeLessThan(0.04);
    expect(UNDER_CALLERS).toEqual(["Marcus Chen", "Olivia Bennett", "Rafael Souza"]);
  });

  it("rips and replaces in ~3% of resolved renewals, and only there mixes a loss with a new product", () => {
    const rip = resolved.filter((x) => x.e.outcome === "rip_replace");
    expect(rip.length / resolved.length).toBeGreaterThan(0.02);
    expect(rip.length / resolved.length).toBeLessThan(0.045);
    for (const { e } of resolved.filter((x) => !x.e.churn)) {
      const loss = e.lines.some((l) => l.after! < l.before);
      const cross = e.lines.some((l) => l.before === 0 && l.after! > 0);
      expect(loss && cross, e.id).toBe(e.outcome === "rip_replace");
    }
  });
});
