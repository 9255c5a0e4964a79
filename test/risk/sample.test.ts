/**
 * The risk dataset on the sample book finds exactly what the generator planted
 * (data/README.md § Health): the three under-calling CSMs and only them, the
 * flip-flop accounts and only them, and every never-scored account.
 * The book is generated afresh (seed 42, 2,000 accounts, as `npm run sample`);
 * only the tables the risk figures read are staged.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBook, planBook } from "../../tools/sample/book.ts";
import { AS_OF, iso } from "../../tools/sample/calendar.ts";
import { UNDER_CALLERS } from "../../tools/sample/catalog.ts";
import { stage, type Staged } from "../helpers/stage.ts";

const SEED = 42;
const ACCOUNTS = 2000;
let dir: string;
let s: Staged;
let risk: Awaited<ReturnType<Staged["dataset"]>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "3r-risk-sample-"));
  await generateBook({ out: dir, seed: SEED, accounts: ACCOUNTS });
  const files = Object.fromEntries(["accounts", "renewals", "health"].map((t) => [`${t}.parquet`, readFileSync(join(dir, `${t}.parquet`))]));
  s = await stage(files, { config: { asOf: iso(AS_OF) } });
  risk = await s.dataset("risk");
}, 180_000);

afterAll(() => {
  s?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the sample book's planted truths", () => {
  it("flags the planted under-callers and only them, at the default lookback", () => {
    const flagged = risk.table("csms").filter((r) => r.lookback_days === 90 && r.under_calling).map((r) => r.csm);
    expect(flagged).toEqual([...UNDER_CALLERS].sort());
  });

  it("calls the planted under-callers' pie \"red under-calls churn\" in the renewal view, and no honest CSM's", () => {
    const verdicts = risk.table("renewal_verdicts").filter((r) => r.cohort === "all" && r.dimension === "csm");
    const under = verdicts.filter((r) => r.verdict === "red under-calls churn").map((r) => r.dimension_value);
    expect(under).toEqual([...UNDER_CALLERS].sort());
    // honest CSMs turn churners red: their slice is big enough, whatever its aim
    expect(verdicts.filter((r) => !UNDER_CALLERS.includes(r.dimension_value as string)).every((r) => (r.red_share as number) >= (r.logo_churn_rate as number))).toBe(true);
  });

  it("gives the book view a verdict on every closed quarter once scoring started, and none on open ones", () => {
    const all = risk.table("book_verdicts").filter((r) => r.dimension === "all");
    expect(all.filter((r) => !r.closed).every((r) => r.verdict === null)).toBe(true);
    expect(all.filter((r) => r.closed && r.red_share !== null).every((r) => typeof r.verdict === "string" && r.verdict !== "no health scores")).toBe(true);
  });

  it("finds red↔green flips on the flip-flop accounts and only them", () => {
    const planted = planBook(SEED, ACCOUNTS).filter((a) => a.flipFlop).map((a) => a.id).sort();
    expect(planted.length).toBe(40);
    expect([...new Set(risk.table("flips").map((r) => r.account_id))].sort()).toEqual(planted);
  });

  it("keeps every never-scored account as unscored", () => {
    const planted = planBook(SEED, ACCOUNTS).filter((a) => a.unscored).length;
    expect(risk.table("volatility").filter((r) => r.snapshots === 0).length).toBe(planted);
  });

  it("keeps the page's JSON under 1 MB", () => {
    expect(JSON.stringify(risk.file).length).toBeLessThan(1_000_000);
  });
});
