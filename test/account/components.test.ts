/** The account page's pure parts: finding an account's shard, its rows, name search, links, and the chart specs. */
import { describe, expect, it } from "vitest";
import { accountHref, accountShardUrls, shardUrls } from "../../src/components/account-link.js";
import { accountFrom, compareIds, keyShardOf, nameKey, searchNames, shardOf, uniqueAccounts } from "../../src/components/account-shard.js";
import { accountHealthSpec, accountTouchesSpec, accountUsageSpec } from "../../src/components/specs/account-history.js";
import { compileWarnings } from "../helpers/vega.ts";

const shards = [
  { shard: 0, archive: 0, first_account_id: "A001", last_account_id: "A050" },
  { shard: 1, archive: 0, first_account_id: "A051", last_account_id: "A120" },
  { shard: 3, archive: 1, first_account_id: "B001", last_account_id: "B001" },
];

describe("finding an account's shard", () => {
  it("is the last shard whose first id is at most the id, and none outside every range", () => {
    expect(shardOf("A001", shards)?.shard).toBe(0);
    expect(shardOf("A050", shards)?.shard).toBe(0);
    expect(shardOf("A0505", shards)).toBeNull(); // sorts after A050 (shard 0 ends there) and before A051: in no range
    expect(shardOf("A051", shards)?.shard).toBe(1);
    expect(shardOf("B001", shards)?.shard).toBe(3);
    expect(shardOf("A000", shards)).toBeNull(); // before the first shard
    expect(shardOf("A121", shards)).toBeNull(); // between shards 1 and 3: in no range
    expect(shardOf("Z", shards)).toBeNull();
  });

  it("compares ids by code point, as the warehouse orders them (not UTF-16 units)", () => {
    // U+FF21 (one UTF-16 unit, 0xFF21) sorts before U+1F600 (surrogates 0xD83D…): by code point FF21 < 1F600
    expect(compareIds("\uFF21", "\u{1F600}")).toBe(-1);
    expect("\uFF21" < "\u{1F600}").toBe(false); // plain JS comparison would get it wrong
    expect(compareIds("a", "ab")).toBe(-1);
    expect(compareIds("ab", "ab")).toBe(0);
  });

  it("builds the shard URL from the index row, under the site root", () => {
    expect(accountShardUrls(shards[2], { root: new URL("https://x.test/site/") })).toEqual([
      "https://x.test/site/data/account/a1/shard-3.json", "https://x.test/site/_file/data/account/a1/shard-3.json"]);
  });
});

describe("an account out of its shard", () => {
  const file = { tables: {
    profile: { account_id: ["A1", "A2"], account_name: ["Acme", "Bolt"] },
    health: { account_id: ["A1", "A2", "A1"], day: ["d1", "d2", "d3"] },
  } };
  it("keeps only that account's rows, in order; null when it is not there", () => {
    expect(accountFrom(file, "A1")).toEqual({ profile: [{ account_id: "A1", account_name: "Acme" }], health: [{ account_id: "A1", day: "d1" }, { account_id: "A1", day: "d3" }] });
    expect(accountFrom(file, "A9")).toBeNull();
  });
});

describe("account search", () => {
  const names = [
    { account_id: "A1", account_name: "Maple Industries" }, { account_id: "A2", account_name: "Birch Maple" },
    { account_id: "A3", account_name: "Café Zoë" }, { account_id: "MAPLE", account_name: "Zinc" }, { account_id: "A5", account_name: null },
  ];
  it("puts the exact id first, then names starting with the text, then names containing it, then ids containing it", () => {
    expect(searchNames(names, "maple").map((n) => n.account_id)).toEqual(["MAPLE", "A1", "A2"]);
    expect(searchNames(names, "  cafe zoe ").map((n) => n.account_id)).toEqual(["A3"]); // accents and case folded
    expect(searchNames(names, "a5").map((n) => n.account_id)).toEqual(["A5"]);
    expect(searchNames(names, "")).toEqual([]);
    expect(searchNames(names, "a", 2)).toHaveLength(2);
  });
});

describe("the sharded search list", () => {
  it("keys a query by the first three letters or digits of its first word, folded; a shorter word whole", () => {
    expect(nameKey("Maple Industries")).toBe("map");
    expect(nameKey("  (Zoë) café")).toBe("zoe"); // punctuation skipped, accents stripped, lower case
    expect(nameKey("Ab Co")).toBe("ab");
    expect(nameKey("ÜBER-net")).toBe("ube");
    expect(nameKey("  - ")).toBeNull();
  });

  it("finds the file holding a key by key ranges, and lists each account of a file once", () => {
    const keyShards = [{ shard: 0, archive: 0, first_key: "ab", last_key: "hol" }, { shard: 1, archive: 0, first_key: "ind", last_key: "zoe" }];
    expect(keyShardOf("cor", keyShards)?.shard).toBe(0);
    expect(keyShardOf("hol", keyShards)?.shard).toBe(0);
    expect(keyShardOf("hom", keyShards)).toBeNull(); // between the two files: no name has that key
    expect(keyShardOf("map", keyShards)?.shard).toBe(1);
    expect(keyShardOf("zz", keyShards)).toBeNull();
    expect(shardUrls("account-names", keyShards[1], { root: new URL("https://x.test/s/") })).toEqual([
      "https://x.test/s/data/account-names/a0/shard-1.json", "https://x.test/s/_file/data/account-names/a0/shard-1.json"]);
    const rows: { name_key: string; account_id: string }[] = [{ name_key: "hol", account_id: "A1" }, { name_key: "hol", account_id: "A2" }, { name_key: "oak", account_id: "A1" }];
    expect(uniqueAccounts(rows).map((r) => r.account_id)).toEqual(["A1", "A2"]);
  });
});

describe("account links", () => {
  it("point at the account page under the site root, with .html when the site's links use it, the id encoded", () => {
    expect(accountHref({ id: "A 1&x" }, { root: new URL("https://x.test/s/"), html: false })).toBe("https://x.test/s/account?id=A+1%26x");
    expect(accountHref({ q: "maple" }, { root: new URL("https://x.test/s/"), html: true })).toBe("https://x.test/s/account.html?q=maple");
  });
});

describe("account charts", () => {
  it("compile without warnings and encode what they say", () => {
    const h: any = accountHealthSpec([{ day: "2025-01-01", color: "green", score: 80 }, { day: "2025-02-01", color: "red", score: null }]);
    expect(compileWarnings(h)).toEqual([]);
    expect(h.layer[1].encoding.color.field).toBe("color");
    const u = accountUsageSpec([{ month: "2025-01", events: 10, active_users: 2, active_days: 3, features_used: 1 }]);
    expect(compileWarnings(u)).toEqual([]);
    expect(u.data.values[0]).toEqual({ month: "2025-01-01", events: 10, users: 2, days: 3, features: 1 });
    const t = accountTouchesSpec([{ month: "2025-01", business_reviews: 1, meetings: 0, onsites: 0, calls: 3, emails: 0, other_touches: 2 }]);
    expect(compileWarnings(t)).toEqual([]);
    // one bar segment per type used that month (named as readers say it), none for a type at 0
    expect(t.data.values).toEqual([
      { month: "2025-01-01", type: "business review", touches: 1 }, { month: "2025-01-01", type: "call", touches: 3 }, { month: "2025-01-01", type: "other", touches: 2 },
    ]);
  });
});
