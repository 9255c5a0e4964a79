/**
 * PRIVACY: contact-level data (contact ids, titles; names and emails if a file had them) never reaches
 * published files unless the config sets publishContacts. Exports the bundled sample book with
 * `npm run report` (publishContacts is false in 3r.config.json) and scans every dataset for the sample's
 * 7,738 contact ids and its contact titles. The scanner itself is checked on a planted leak first.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { sampleReport } from "../helpers/site.ts";

/** Every string anywhere in a parsed JSON value. */
function strings(v: unknown, into: string[] = []): string[] {
  if (typeof v === "string") into.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, into);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, into);
  return into;
}

/** The contact ids and titles found in a published file's text. */
function leaks(text: string, ids: Set<string>, titles: string[]): string[] {
  const found = strings(JSON.parse(text)).flatMap((s) => [
    ...(ids.has(s) ? [s] : []),
    ...(s.match(/\bC\d{6}\b/g) ?? []).filter((m) => ids.has(m)),
    ...titles.filter((t) => s.includes(t)),
  ]);
  return [...new Set(found)].sort();
}

describe("contact-level data in published files", () => {
  it("is absent from every dataset exported from the sample book", async () => {
    const db = await Db.open();
    const contacts = await db.rows<{ contact_id: string; title: string | null }>(
      `select contact_id, title from read_parquet('${join(ROOT, "data", "contacts.parquet")}')`);
    db.close();
    const ids = new Set(contacts.map((c) => c.contact_id));
    const titles = [...new Set(contacts.map((c) => c.title).filter((t): t is string => !!t))];
    expect(ids.size).toBe(7738);
    expect(titles.length).toBeGreaterThan(10);
    // the scanner finds a planted leak
    expect(leaks(JSON.stringify({ t: { a: ["C000001", `met the ${titles[0]}`] } }), ids, titles)).toEqual(["C000001", titles[0]].sort());

    // `npm run report` on the sample with its 3r.config.json, exported once per run (sampleReport fails on a non-zero exit)
    const out = await sampleReport();
    const files = readdirSync(out).filter((f) => f.endsWith(".json"));
    expect(files).toContain("relationship.json");
    expect(files).toContain("loss-review.json");
    const found = Object.fromEntries(files.map((f) => [f, leaks(readFileSync(join(out, f), "utf8"), ids, titles)]).filter(([, l]) => l.length));
    expect(found).toEqual({});
    // the loss review still shows who was engaged, by role
    const lr = JSON.parse(readFileSync(join(out, "loss-review.json"), "utf8"));
    expect(lr.tables.contacts.contact_id).toEqual([]);
    expect(new Set(lr.tables.roles.role)).toEqual(new Set(["executive sponsor", "decision maker", "practitioner", "no contact named"]));
  }, 600_000);
});
