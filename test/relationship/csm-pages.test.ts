/**
 * Per-CSM pages are named by a URL-safe slug, never the raw name: lower-case ASCII letters, digits and
 * hyphens (accents stripped, every other run of characters → one hyphen, ends trimmed). Worked by hand:
 *   "Jose Nunez"       → jose-nunez
 *   "José Núñez"       → jose-nunez as well: taken by "Jose Nunez" (which sorts first), so jose-nunez-<md5[0:8]>
 *   "<b>Bad</b> & Co"  → b-bad-b-co
 *   "Index"            → index would be the folder's own page: csm-<md5[0:8]>
 *   "李雷"             → nothing left: csm-<md5[0:8]>
 * md5 of the name's UTF-8 bytes makes a slug independent of file order.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csmPagePaths } from "../../loaders/site/csm-pages.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex").slice(0, 8);
const NAMES = ["Jose Nunez", "José Núñez", "<b>Bad</b> & Co", "Index", "李雷"];

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm", ...NAMES.map((n, i) => `A${i},2023-01-01,"${n}"`), "A9,2023-01-01,"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A0,2026-06-30,,Core,100,"),
  }, { config: { asOf: "2025-12-31" } });
});
afterAll(() => s?.close());

const expected: Record<string, string> = {
  "Jose Nunez": "jose-nunez",
  "José Núñez": `jose-nunez-${md5("José Núñez")}`,
  "<b>Bad</b> & Co": "b-bad-b-co",
  Index: `csm-${md5("Index")}`,
  "李雷": `csm-${md5("李雷")}`,
};

describe("CSM page slugs", () => {
  it("are URL-safe, unique and worked out by hand; accounts without a CSM get no page", async () => {
    const csms = (await s.dataset("relationship")).table("csms");
    expect(Object.fromEntries(csms.map((c) => [c.csm, c.slug]))).toEqual(expected);
    for (const c of csms) expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("are the paths the wrappers hand to observablehq.config.ts (dynamicPaths)", async () => {
    expect(await csmPagePaths(s.db)).toEqual(Object.values(expected).sort().map((slug) => `/csm/${slug}`));
  });
});
