/**
 * The account dataset, worked by hand. As-of 2025-12-31.
 *
 * A1 (Ann, customer since 2023-01-01, 10 licenses):
 *   Renewals: R1 due 2024-01-01 settled 2023-12-20, lines Core 1,000 → 1,200 and Addon 500 → 500 → expanded (1,500 → 1,700);
 *     R2 due 2025-01-01 settled 2024-12-15, Core 1,200 → 1,000, Addon 500 → 500 → contracted (1,700 → 1,500);
 *     R3 due 2026-01-01 settled 2026-01-05 (after the as-of date: not known yet) → open, arr_after null, resolved_date null.
 *   Usage: u1 2025-11-03 core 10 and report 5; u2 2025-11-20 core 7; u1 2025-12-01 core 4; u3 2026-01-02 core 99 (after as-of: out)
 *     → 2025-11: events 22, active users 2 (u1, u2), active days 2, features 2; 2025-12: 4 events, 1 user, 1 day, 1 feature.
 *   Touches: 2024-12-15 call (Ann), 2025-11-05 call (Ann), 2025-11-06 call (no CSM named → the owner, Ann),
 *     2025-11-10 call (Bob), 2025-12-01 business_review C1 (Ann), 2026-01-03 call (after as-of: out)
 *     → by month: 2024-12 1 call; 2025-11 3 calls; 2025-12 1 business review.
 *     → by who (the 12 months are 2025-01 … 2025-12): call·Ann 3, 2 of them in the 12 months, latest 2025-11;
 *       business_review·Ann 1, 1, 2025-12; call·Bob 1, 1, 2025-11.
 *   Contacts: C1 decision maker and sponsor (touched 2025-12-01), C2 practitioner (never touched)
 *     → roles: executive sponsor 1 on file, 1 touched, 1 touch; decision maker 1/1/1; practitioner 1/0/0.
 *   Health: 2025-06-01 green 80, 06-10 green 82, 06-20 green 85, 07-03 green 84, 2025-10-01 red 30 and yellow 50 the same
 *     day (most severe: red 30) → today red, score 30. Published: 06-01 (the first), 06-20 (June's last), 07-03 (July's
 *     last), 10-01 red 30 (a change of color, and the latest); 06-10 is neither a change nor a month's last.
 * B1 (Bob, customer since 2024-01-01): R4 due 2025-06-01 settled 2025-05-20, 800 → 0, "Budget" → lost, lost_on 2025-05-20;
 *   usage across a new year: v1 2024-12-30 core 3, v1 2025-01-02 core 2, v2 2025-01-02 report 1
 *     → 2024-12: 3 events, 1 user, 1 day, 1 feature; 2025-01: 3 events, 2 users (v1 again, v2), 1 day, 2 features;
 *   its loss-review panel is published with the account.
 */
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountDataset } from "../../loaders/datasets/account.ts";
import { accountNames } from "../../loaders/datasets/account-names.ts";
import type { DatasetDef } from "../../loaders/datasets/define.ts";
import { computeDataset } from "../../loaders/datasets/emit.ts";
import { computeArchive, precomputeShards, tar, untar } from "../../loaders/datasets/shards.ts";
import { placeShardFiles } from "../../loaders/site/shard-files.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { extract } from "tar-stream";
import { Readable } from "node:stream";

const files = {
  "accounts.csv": csv("account_id,account_name,customer_since,csm,licenses", "A1,Acme,2023-01-01,Ann,10", "B1,Bolt,2024-01-01,Bob,5"),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after,loss_reason",
    "R1,A1,2024-01-01,2023-12-20,Core,1000,1200,", "R1,A1,2024-01-01,2023-12-20,Addon,500,500,",
    "R2,A1,2025-01-01,2024-12-15,Core,1200,1000,", "R2,A1,2025-01-01,2024-12-15,Addon,500,500,",
    "R3,A1,2026-01-01,2026-01-05,Core,1000,1000,", "R3,A1,2026-01-01,2026-01-05,Addon,500,500,",
    "R4,B1,2025-06-01,2025-05-20,Core,800,0,Budget"),
  "usage.csv": csv("account_id,user_id,date,feature,events",
    "A1,u1,2025-11-03,core,10", "A1,u1,2025-11-03,report,5", "A1,u2,2025-11-20,core,7", "A1,u1,2025-12-01,core,4", "A1,u3,2026-01-02,core,99",
    "B1,v1,2024-12-30,core,3", "B1,v1,2025-01-02,core,2", "B1,v2,2025-01-02,report,1"),
  "touches.csv": csv("account_id,date,type,contact_id,csm",
    "A1,2024-12-15,call,,Ann", "A1,2025-11-05,call,,Ann", "A1,2025-11-06,call,,", "A1,2025-11-10,call,,Bob", "A1,2025-12-01,business_review,C1,Ann", "A1,2026-01-03,call,,Ann"),
  "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor,title", "C1,A1,decision_maker,true,Chief Executive Officer", "C2,A1,practitioner,false,Data Analyst"),
  "health.csv": csv("account_id,as_of,color,score", "A1,2025-06-01,green,80", "A1,2025-06-10,green,82", "A1,2025-06-20,green,85", "A1,2025-07-03,green,84",
    "A1,2025-10-01,red,30", "A1,2025-10-01,yellow,50"),
};

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});
async function book(config: Record<string, unknown> = {}) {
  const s = await stage(files, { config: { asOf: "2025-12-31", ...config } });
  opened.push(s);
  return s;
}
let defaults: Promise<Staged> | undefined;
const base = () => (defaults ??= book());
const pick = <T,>(o: Record<string, T>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const of = (rows: Record<string, unknown>[], id: string) => rows.filter((r) => r.account_id === id);

describe("account dataset", () => {
  it("has the renewal history with outcomes as known on the as-of date, and the contract lines", async () => {
    const { table } = await (await base()).dataset("account");
    expect(of(table("renewals"), "A1").map((r) => [r.renewal_id, r.outcome, r.arr_before, r.arr_after, r.resolved_date])).toEqual([
      ["R1", "expanded", 1500, 1700, "2023-12-20"], ["R2", "contracted", 1700, 1500, "2024-12-15"], ["R3", "open", 1500, null, null],
    ]);
    expect(of(table("renewals"), "B1").map((r) => [r.outcome, r.loss_reason])).toEqual([["lost", "Budget"]]);
    expect(of(table("lines"), "A1")).toHaveLength(6);
    expect(of(table("lines"), "A1").filter((l) => l.renewal_id === "R3").map((l) => l.arr_after)).toEqual([null, null]);
  });

  it("has usage by month: events, distinct users, active days and features, nothing after the as-of date", async () => {
    const { table } = await (await base()).dataset("account");
    expect(of(table("usage_months"), "A1").map(({ account_id, ...m }) => m)).toEqual([
      { month: "2025-11", events: 22, active_users: 2, active_days: 2, features_used: 2 },
      { month: "2025-12", events: 4, active_users: 1, active_days: 1, features_used: 1 },
    ]);
    expect(of(table("usage_months"), "B1").map(({ account_id, ...m }) => m)).toEqual([
      { month: "2024-12", events: 3, active_users: 1, active_days: 1, features_used: 1 },
      { month: "2025-01", events: 3, active_users: 2, active_days: 1, features_used: 2 },
    ]);
  });

  it("has health at each change of color and each month's last snapshot, the most severe of a day", async () => {
    const { table } = await (await base()).dataset("account");
    expect(of(table("health"), "A1").map((h) => [h.day, h.color, h.score])).toEqual([
      ["2025-06-01", "green", 80], ["2025-06-20", "green", 85], ["2025-07-03", "green", 84], ["2025-10-01", "red", 30],
    ]);
  });

  it("has touches by month and type, and by type and who (a touch naming no CSM counts for the owner)", async () => {
    const { table } = await (await base()).dataset("account");
    const zero = { business_reviews: 0, meetings: 0, onsites: 0, calls: 0, emails: 0, other_touches: 0 };
    expect(of(table("touch_months"), "A1").map(({ account_id, ...m }) => m)).toEqual([
      { ...zero, month: "2024-12", calls: 1 }, { ...zero, month: "2025-11", calls: 3 }, { ...zero, month: "2025-12", business_reviews: 1 },
    ]);
    expect(of(table("touch_people"), "A1").map((t) => [t.type, t.csm, t.touches, t.last_12_months, t.last_month])).toEqual([
      ["call", "Ann", 3, 2, "2025-11"], ["business_review", "Ann", 1, 1, "2025-12"], ["call", "Bob", 1, 1, "2025-11"],
    ]);
  });

  it("has the profile today: status, value, color and score, and the lost account's loss panel", async () => {
    const { table } = await (await base()).dataset("account");
    const [a] = of(table("profile"), "A1");
    expect(a).toMatchObject({ is_active: true, current_arr: 1500, next_renewal_date: "2026-01-01", color: "red", score: 30, scored_on: "2025-10-01" });
    const [b] = of(table("profile"), "B1");
    expect(b).toMatchObject({ is_active: false, lost_on: "2025-05-20", current_arr: 0, checks_failed: null });
    expect(table("loss_renewals").map((r) => [r.account_id, r.renewal_id, r.lost_arr])).toEqual([["B1", "R4", 800]]);
    expect(new Set(table("loss_colors").map((r) => r.account_id))).toEqual(new Set(["B1"]));
    // every trait of the Green profile page, once per account
    expect(of(table("traits"), "A1")).toHaveLength(table("trait_labels").length);
  });

  it("shows contacts by role only, unless the config publishes contacts", async () => {
    const { table, file } = await (await base()).dataset("account");
    expect(of(table("roles"), "A1").map((r) => [r.role, r.contacts, r.contacts_touched, r.touches])).toEqual([
      ["executive sponsor", 1, 1, 1], ["decision maker", 1, 1, 1], ["practitioner", 1, 0, 0],
    ]);
    expect(table("contacts")).toEqual([]);
    const text = JSON.stringify(file);
    for (const leak of ["C1", "C2", "Chief Executive Officer", "Data Analyst"]) expect(text).not.toContain(`"${leak}"`);
    const published = await (await book({ publishContacts: true })).dataset("account");
    expect(published.table("contacts").map((c) => [c.contact_id, c.title, c.touches])).toEqual([["C1", "Chief Executive Officer", 1], ["C2", "Data Analyst", 0]]);
  });
});

describe("account shards", () => {
  it("hold every account exactly once, with all its rows, and an index of ranges", async () => {
    const s = await base();
    const index = await computeArchive(s.db, accountDataset, "a0");
    expect(Object.keys(index).filter((f) => !f.startsWith("shard-")).sort()).toEqual(["index.json"]);
    const ranges = toRows(index["index.json"].tables.shards);
    expect(ranges.reduce((n, r) => n + Number(r.accounts), 0)).toBe(2);
    const archives = await Promise.all([...new Set(ranges.map((r) => r.archive))].map((k) => computeArchive(s.db, accountDataset, `a${k}`)));
    const shards = Object.fromEntries(archives.flatMap((a) => Object.entries(a)).filter(([f]) => f.startsWith("shard-")));
    expect(Object.keys(shards).sort()).toEqual(ranges.map((r) => `shard-${r.shard}.json`).sort());
    const seen = Object.values(shards).flatMap((f: any) => toRows(f.tables.profile).map((r) => r.account_id));
    expect(seen.sort()).toEqual(["A1", "B1"]);
    // the shards (written by DuckDB, shard-json.ts) hold exactly the rows of the whole dataset as the JavaScript
    // writer computes it (emit.ts computeDataset), every table, in its order
    const whole = (await s.dataset("account")).file;
    const split = Object.keys(whole.tables).filter((t) => !["settings", "shards", "trait_labels"].includes(t));
    expect(split).toHaveLength(19);
    for (const t of split) {
      expect(Object.values(shards).flatMap((f: any) => toRows(f.tables[t]))).toEqual(toRows(whole.tables[t]));
    }
    await expect(computeArchive(s.db, accountDataset, "a99")).rejects.toThrow(/no archive "a99"/);
  });

  it("are written by DuckDB with the values the JavaScript writer publishes: rounding, nulls, dates, escapes", async () => {
    const s = await base();
    // One row per account, every kind of value the writer formats; the expected values are what computeDataset (the
    // JavaScript writer: db.ts plain, columnar.ts roundValue) publishes, written out by hand:
    // 1/3 → 12 significant digits; 0.1 + 0.2 → 0.3; −0 → 0; 1500.0 → 1500; NaN and +∞ → null; 1e21 kept whole; −1e−7 kept;
    // 123456.75 as DECIMAL(18,2) → a number; a HUGEINT of 2^53 − 1, the largest int either writer takes.
    const weird = 'Quote " back\\ new\nline tab\t é ☃ 𝄞 </script> \u2028';
    const def = { ...accountDataset, tables: { ...pick(accountDataset.tables, ["settings", "shards", "trait_labels"]), values: {
      doc: "test", sql: `select account_id, 1/3 as third, 0.1 + 0.2 as tenths, -0.0::double as neg_zero, 1500.0::double as whole, 'nan'::double as nan, 'inf'::double as inf,
        1e21::double as big, -1e-7::double as tiny, 123456.75::decimal(18, 2) as money, 9007199254740991::hugeint as huge,
        date '2024-02-29' as day, $q$${weird}$q$ as text, null::varchar as nothing, account_id = 'A1' as flag, ['x', 'y"'] as list
        from account_shards order by account_id`,
      columns: { account_id: { type: "string", doc: "" }, third: { type: "number", doc: "" }, tenths: { type: "number", doc: "" },
        neg_zero: { type: "number", doc: "" }, whole: { type: "number", doc: "" }, nan: { type: "number", nullable: true, doc: "" }, inf: { type: "number", nullable: true, doc: "" },
        big: { type: "number", doc: "" }, tiny: { type: "number", doc: "" }, money: { type: "number", doc: "" }, huge: { type: "int", doc: "" },
        day: { type: "date", doc: "" }, text: { type: "string", doc: "" }, nothing: { type: "string", nullable: true, doc: "" },
        flag: { type: "boolean", doc: "" }, list: { type: "string[]", doc: "" }, missing: { type: "int", nullable: true, doc: "" } },
    } } } as DatasetDef;
    const shards = Object.values(await computeArchive(s.db, def, "a0")).filter((f: any) => f.tables.values);
    const got = shards.flatMap((f: any) => toRows(f.tables.values));
    const row = { third: 0.333333333333, tenths: 0.3, neg_zero: 0, whole: 1500, nan: null, inf: null, big: 1e21, tiny: -1e-7, money: 123456.75,
      huge: 9007199254740991, day: "2024-02-29", text: 'Quote " back\\ new\nline tab\t é ☃ 𝄞 </script> \u2028', nothing: null, list: ["x", 'y"'], missing: null };
    expect(got).toEqual([{ account_id: "A1", ...row, flag: true }, { account_id: "B1", ...row, flag: false }]);
    expect(Object.is(got[0].neg_zero, 0)).toBe(true);
    // …and the JavaScript writer agrees on every value
    expect(got).toEqual(toRows(JSON.parse(JSON.stringify(await computeDataset(s.db, def))).tables.values));
  });

  it("refuse what the JavaScript writer refused: a null it does not allow, an undocumented column, a wrong type, a key without a shard", async () => {
    const s = await base();
    const one = (sql: string, columns: Record<string, unknown>, shardSql = accountDataset.shards!.sql) => computeArchive(s.db, { ...accountDataset,
      shards: { ...accountDataset.shards!, sql: shardSql },
      tables: { ...pick(accountDataset.tables, ["settings", "shards", "trait_labels"]), t: { doc: "test", sql, columns } } } as DatasetDef, "a0");
    const id = { type: "string", doc: "" };
    await expect(one("select account_id, case when account_id = 'B1' then null else 1 end as n from account_profile order by account_id",
      { account_id: id, n: { type: "int", doc: "" } })).rejects.toThrow(/table t, row 2: n: a value its documentation \(int\) does not allow/);
    await expect(one("select account_id, 9007199254740992::hugeint as n from account_profile", { account_id: id, n: { type: "int", nullable: true, doc: "" } }))
      .rejects.toThrow(/table t, row 1: n:/); // 2^53: JavaScript cannot tell it from 2^53 + 1
    await expect(one("select account_id, 1 as n from account_profile", { account_id: id })).rejects.toThrow(/table t: undocumented column n/);
    await expect(one("select account_id, 'x' as n from account_profile", { account_id: id, n: { type: "int", doc: "" } })).rejects.toThrow(/n is VARCHAR in SQL, documented as int/);
    await expect(one("select account_id from account_profile order by account_id", { account_id: id },
      "select account_id, shard, archive from account_shards where account_id <> 'B1'")).rejects.toThrow(/table t, row 2: account_id "B1" has no shard/);
  });

  it("are placed in the built site byte for byte as precomputed, every shard the index lists", async () => {
    const s = await base();
    const dir = mkdtempSync(join(tmpdir(), "3r-shards-"));
    const out = mkdtempSync(join(tmpdir(), "3r-site-"));
    try {
      const index = await precomputeShards(s.db, accountDataset, dir);
      writeFileSync(join(dir, "account.json"), JSON.stringify(index));
      writeFileSync(join(dir, "account-names.json"), JSON.stringify(await precomputeShards(s.db, accountNames, dir)));
      expect(placeShardFiles(dir, out)).toBe(index.paths.length + JSON.parse(readFileSync(join(dir, "account-names.json"), "utf8")).paths.length);
      const archive = untar(readFileSync(join(dir, "account", "a0.tar")));
      for (const path of index.paths) expect(readFileSync(join(out, path))).toEqual(archive.get(path.split("/").at(-1)!));
      expect(existsSync(join(out, "data", "account", "a0", "index.json"))).toBe(false); // Framework publishes the index
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("placed again after an input changed carry the new values, not the old files", async () => {
    // the same book with publishContacts on: the contacts table of A1's shard gains C1 and C2
    const dir = mkdtempSync(join(tmpdir(), "3r-shards-"));
    const outs = [mkdtempSync(join(tmpdir(), "3r-site-")), mkdtempSync(join(tmpdir(), "3r-site-"))];
    try {
      const contacts: unknown[][] = [];
      for (const [i, s] of [await base(), await book({ publishContacts: true })].entries()) {
        for (const [def, name] of [[accountDataset, "account"], [accountNames, "account-names"]] as const) {
          writeFileSync(join(dir, `${name}.json`), JSON.stringify(await precomputeShards(s.db, def, dir)));
        }
        placeShardFiles(dir, outs[i]);
        const index = JSON.parse(readFileSync(join(dir, "account.json"), "utf8"));
        contacts.push(index.paths.flatMap((p: string) => JSON.parse(readFileSync(join(outs[i], p), "utf8")).tables.contacts.contact_id));
      }
      expect(contacts).toEqual([[], ["C1", "C2"]]);
    } finally {
      for (const d of [dir, ...outs]) rmSync(d, { recursive: true, force: true });
    }
  });

  it("travel in a tar archive that a standard reader unpacks byte for byte", async () => {
    const files = { "index.json": '{"a":1}', "shard-0.json": "x".repeat(513), "shard-1.json": "é" };
    const got: Record<string, string> = {};
    const ex = extract();
    Readable.from([tar(files)]).pipe(ex);
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      got[entry.header.name] = Buffer.concat(chunks).toString("utf8");
    }
    expect(got).toEqual(files);
    expect(Object.fromEntries([...untar(tar(files))].map(([f, b]) => [f, b.toString("utf8")]))).toEqual(files);
  });
});
