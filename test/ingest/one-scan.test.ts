/**
 * Tables without a key (usage, touches…) are validated in one scan: row rules and every parent check
 * together. Each row must still get exactly the message the rules give in order: row rules first, then
 * each parent in turn on the rows still valid. And the text checks that test a value once must keep
 * trimming, NULL words and the id length limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm,licenses", "A1,2024-01-05,Ann,5", "A2,,Bob,5"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-05,2025-01-02,Core,100,90"),
    "contacts.csv": csv("contact_id,account_id,role", "C1,A1,practitioner"),
    "usage.csv": csv("account_id,user_id,date,feature,events",
      "A1,u1,2025-06-01,reports,3", //        line 2: valid
      "B7,u1,2025-06-01,reports,0", //        line 3: bad events AND orphan account: only the events message
      "B7,u2,2025-06-01,reports,2", //        line 4: orphan account
      "A2,u3,2025-06-01,reports,2", //        line 5: its account row was rejected (no customer_since, no billing)
      " A1\u200B,u4 ,2025-06-01,reports,1", // line 6: padded ids are trimmed (space, zero-width space): valid
      "A1,NULL,2025-06-01,reports,1", //      line 7: the word NULL is a missing user_id
      `A1,${"u".repeat(201)},2025-06-01,reports,1`), // line 8: an id over 200 characters
    "touches.csv": csv("account_id,date,type,contact_id",
      "A1,2025-06-02,call,C1", //  line 2: valid
      "B7,2025-06-02,call,C9", //  line 3: orphan account AND orphan contact: only the account message (the first parent)
      "A1,2025-06-02,call,C9"), // line 4: orphan contact
  }, { today: "2025-06-30" });
});
afterAll(() => s.close());

const rejects = (table: string) => s.query(`select rec, column_name, expected, got from _rej_${table} order by rec, column_name`);

describe("validation in one scan", () => {
  it("gives each bad usage row the message of the first rule it breaks", async () => {
    // rec = line − 2 (line 1 is the header)
    expect(await rejects("usage")).toEqual([
      { rec: 1, column_name: "events", expected: "a whole number ≥ 1", got: '"0"' },
      { rec: 2, column_name: "account_id", expected: "an account_id that exists in accounts", got: '"B7"' },
      { rec: 3, column_name: "account_id", expected: "an account_id that exists in accounts", got: '"A2" (its accounts row was rejected)' },
      { rec: 5, column_name: "user_id", expected: "a value (user_id is required)", got: '"NULL"' },
      { rec: 6, column_name: "user_id", expected: "a text of at most 200 characters", got: `"${"u".repeat(60)}… (201 characters)"` },
    ]);
  });

  it("stages the trimmed ids of the valid rows", async () => {
    expect(await s.query("select account_id, user_id, events from stg_usage order by user_id")).toEqual([
      { account_id: "A1", user_id: "u1", events: 3 },
      { account_id: "A1", user_id: "u4", events: 1 },
    ]);
  });

  it("checks a second parent only on rows whose first parent exists", async () => {
    expect(await rejects("touches")).toEqual([
      { rec: 1, column_name: "account_id", expected: "an account_id that exists in accounts", got: '"B7"' },
      { rec: 2, column_name: "contact_id", expected: "a contact_id that exists in contacts", got: '"C9"' },
    ]);
  });
});
