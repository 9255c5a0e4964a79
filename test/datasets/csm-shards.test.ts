// Per-CSM page data: each CSM's archive holds that CSM's rows and nothing else; the team tables add every CSM up.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csmArchiveSlugs, csmShards, precomputeCsmArchives, teamTables } from "../../loaders/datasets/csm-shards.ts";
import type { DatasetFile } from "../../loaders/datasets/emit.ts";

const head = { title: "t", asOf: "2025-06-30", currency: "EUR" };
// Two CSMs and an account with none. Ana owns A1 and A2 (group 1), Bo owns A3 (group 2); A4 has no CSM (group 3).
const rel: DatasetFile = {
  ...head, dataset: "relationship",
  tables: {
    settings: { touched_days: [30] },
    csms: { csm: ["Ana", "Bo"], slug: ["ana", "bo"] },
    accounts: {
      account_id: ["A1", "A2", "A3", "A4"], csm: ["Ana", "Ana", "Bo", null],
      not_touched: [true, false, true, false], no_business_review: [false, false, true, true], single_threaded: [true, true, false, false],
      no_exec_sponsor: [false, false, false, true], no_decision_maker: [true, false, false, false],
      checks_failed: [3, 1, 2, 2], current_arr: [100, 200, 300, 400], account_name: ["a", "b", "c", "d"],
    },
    early_warning: { renewal_id: ["R3"], csm: ["Bo"] },
    touch_months: {
      csm: ["Ana", "Ana", "Bo", null], month: ["2025-05", "2025-06", "2025-06", "2025-06"],
      type: ["call", "call", "call", "email"], work: ["routine", "routine", "routine", "routine"], touches: [2, 3, 4, 1],
    },
  },
};
const risk: DatasetFile = {
  ...head, dataset: "risk",
  tables: {
    settings: { lookback_days: [90] },
    groups: { group_id: [1, 2, 3], csm: ["Ana", "Bo", null], segment: ["SMB", "SMB", "SMB"] },
    csms: { csm: ["Ana", "Bo"], lookback_days: [90, 90] },
    renewals: { group_id: [1, 1, 2, 3], events: [5, 6, 7, 8] },
    book: { group_id: [3, 2, 1], accounts: [1, 1, 2] },
  },
};

describe("per-CSM page data", () => {
  it("gives each CSM their own rows: by name for relationship, by their groups for risk's counts", () => {
    const shards = csmShards(rel, risk);
    expect([...shards.keys()]).toEqual(["ana", "bo"]);
    const ana = shards.get("ana")!;
    expect(ana.relationship.tables.accounts.account_id).toEqual(["A1", "A2"]);
    expect(ana.relationship.tables.accounts.current_arr).toEqual([100, 200]); // every column kept
    expect(ana.relationship.tables.early_warning.renewal_id).toEqual([]);
    expect(ana.relationship.tables.touch_months.touches).toEqual([2, 3]);
    expect(ana.risk.tables.groups.group_id).toEqual([1]);
    expect(ana.risk.tables.renewals.events).toEqual([5, 6]);
    expect(ana.risk.tables.book.accounts).toEqual([2]);
    expect(ana.risk.tables.csms.csm).toEqual(["Ana"]);
    // Settings and the CSM list are shared files, not cut per CSM.
    expect(Object.keys(ana.relationship.tables).sort()).toEqual(["accounts", "early_warning", "touch_months"]);
    expect(ana.risk.asOf).toBe("2025-06-30");
    const bo = shards.get("bo")!;
    expect(bo.risk.tables.renewals.events).toEqual([7]);
    expect(bo.relationship.tables.early_warning.renewal_id).toEqual(["R3"]);
  });

  it("team tables: every account's check flags and ARR, and touches added over CSMs per month, type and work", () => {
    const team = teamTables(rel);
    expect(Object.keys(team.team_accounts)).toEqual(["not_touched", "no_business_review", "single_threaded", "no_exec_sponsor", "no_decision_maker", "checks_failed", "current_arr"]);
    expect(team.team_accounts.current_arr).toEqual([100, 200, 300, 400]); // the account without a CSM counts too
    // 2025-06 call/routine: Ana 3 + Bo 4 = 7; email by nobody's CSM 1; 2025-05 Ana 2.
    expect(team.team_touch_months).toEqual({
      month: ["2025-05", "2025-06", "2025-06"], type: ["call", "call", "email"], work: ["routine", "routine", "routine"], touches: [2, 7, 1],
    });
  });

  it("writes one archive per CSM and drops the archive of a CSM who left the book", () => {
    const dir = mkdtempSync(join(tmpdir(), "3r-csm-"));
    try {
      writeFileSync(join(dir, "relationship.json"), JSON.stringify(rel));
      writeFileSync(join(dir, "risk.json"), JSON.stringify(risk));
      expect(precomputeCsmArchives(dir)).toEqual(["ana", "bo"]);
      const members = (slug: string) => [...readFileSync(join(dir, "csm", `${slug}.tar`)).toString("latin1").matchAll(/((?:relationship|risk)\/\w+\.arrow)\0/g)].map((m) => m[1]);
      expect(members("ana")).toEqual(["relationship/accounts.arrow", "relationship/early_warning.arrow", "relationship/touch_months.arrow",
        "risk/groups.arrow", "risk/csms.arrow", "risk/renewals.arrow", "risk/book.arrow"]);
      writeFileSync(join(dir, "relationship.json"), JSON.stringify({ ...rel, tables: { ...rel.tables, csms: { csm: ["Ana"], slug: ["ana"] } } }));
      precomputeCsmArchives(dir);
      expect(readdirSync(join(dir, "csm"))).toEqual(["ana.tar"]);
      expect(csmArchiveSlugs(dir)).toEqual(["ana"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
