/**
 * The account search list (dataset account-names), sharded by search key, worked by hand:
 *   A1 "Acme Widgets, Inc."  → acm, wid, inc      A2 "Café Zoë"          → caf, zoe (accents stripped)
 *   A3 "Ab Holdings"         → ab (a short word whole), hol
 *   A4 no name               → not listed (found by its id)
 *   A5 "Holdings Hold Co"    → hol (once: two words share it), co
 *   A6 "ÜBER-net 42"         → ube, net, 42
 * 12 rows under 11 keys, in key order 42, ab, acm, caf, co, hol (A3, A5), inc, net, ube, wid, zoe: one file.
 * A second book: 1,200 accounts all named "Oak Mill" → keys mil (1,200 rows) and oak (1,200): runs of 1,000 rows
 * never split a key, so mil is file 0 and oak file 1 (1,200 rows before it).
 */
import { afterAll, describe, expect, it } from "vitest";
import { accountNames } from "../../loaders/datasets/account-names.ts";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { computeArchive } from "../../loaders/datasets/shards.ts";
import { nameKey } from "../../src/components/account-shard.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});
async function book(accounts: string[]) {
  const s = await stage({
    "accounts.csv": csv("account_id,account_name,customer_since,csm", ...accounts),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after,loss_reason", "R1,A1,2025-06-01,2025-05-20,Core,100,100,"),
  }, { config: { asOf: "2025-12-31" } });
  opened.push(s);
  return s;
}

describe("account search list", () => {
  it("lists each named account under the start of each word of its name, folded as the page folds a query", async () => {
    const s = await book(['A1,"Acme Widgets, Inc.",2023-01-01,Ann', "A2,Café Zoë,2023-01-01,Bob", "A3,Ab Holdings,2023-01-01,", "A4,,2023-01-01,Ann",
      "A5,Holdings Hold Co,2023-01-01,Ann", "A6,ÜBER-net 42,2023-01-01,Ann"]);
    const { table } = await s.dataset("account-names");
    expect(table("names").map((r) => [r.name_key, r.account_id])).toEqual([
      ["42", "A6"], ["ab", "A3"], ["acm", "A1"], ["caf", "A2"], ["co", "A5"], ["hol", "A3"], ["hol", "A5"],
      ["inc", "A1"], ["net", "A6"], ["ube", "A6"], ["wid", "A1"], ["zoe", "A2"],
    ]);
    // what a user types finds the key the warehouse filed the name under
    for (const [typed, key] of [["Acme", "acm"], ["widg", "wid"], ["cafe z", "caf"], ["ZOË", "zoe"], ["über", "ube"], ["ab h", "ab"], ["4", "4"]]) {
      expect(nameKey(typed)).toBe(key);
    }
    const files = await computeArchive(s.db, accountNames, "a0");
    expect(Object.keys(files).sort()).toEqual(["index.json", "shard-0.json"]);
    expect(toRows(files["index.json"].tables.key_shards)).toEqual([{ shard: 0, archive: 0, first_key: "42", last_key: "zoe", names: 12 }]);
    expect(toRows(files["shard-0.json"].tables.names)).toEqual(table("names"));
  });

  it("cuts files of about 1,000 rows in key order, never splitting a key", async () => {
    const s = await book(Array.from({ length: 1200 }, (_, i) => `N${String(i).padStart(4, "0")},Oak Mill,2023-01-01,Ann`));
    const files = await computeArchive(s.db, accountNames, "a0");
    expect(toRows(files["index.json"].tables.key_shards)).toEqual([
      { shard: 0, archive: 0, first_key: "mil", last_key: "mil", names: 1200 },
      { shard: 1, archive: 0, first_key: "oak", last_key: "oak", names: 1200 },
    ]);
    expect(new Set(files["shard-1.json"].tables.names.name_key)).toEqual(new Set(["oak"]));
  });
});
