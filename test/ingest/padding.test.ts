/**
 * The characters trimmed from text values (loaders/engine/ingest/checks.ts) are written into the SQL as one
 * literal holding the characters themselves: each of the twelve is trimmed from both ends, by validation's
 * expressions and by the staging macro alike, and nothing else is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { clean, isMissing, PADDING_CHARS } from "../../loaders/engine/ingest/checks.ts";
import { createMacros } from "../../loaders/engine/ingest/macros.ts";

let db: Db;
beforeAll(async () => {
  db = await Db.open();
  await createMacros(db);
});
afterAll(() => db.close());

const CODE_POINTS = [32, 9, 10, 13, 11, 12, 160, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

describe("text padding", () => {
  it("is the twelve characters: whitespace, line breaks, no-break space and the zero-width ones", () => {
    expect([...PADDING_CHARS].map((c) => c.codePointAt(0))).toEqual(CODE_POINTS);
  });

  it("is trimmed from both ends, one character at a time and all together, by validation and by txt()", async () => {
    for (const cp of CODE_POINTS) {
      const p = `chr(${cp})`;
      const rows = await db.rows(`select ${clean("x")} as v, txt(x) as m, ${isMissing("x")} as missing
        from (select ${p} || 'a b' || ${p} || ${p} as x union all select ${p} as x) order by x desc`);
      expect(rows, `U+${cp.toString(16)}`).toEqual([{ v: "a b", m: "a b", missing: false }, { v: null, m: null, missing: true }]);
    }
    const all = await db.rows(`select ${clean("x")} as v from (select '${PADDING_CHARS}id${PADDING_CHARS}' as x)`);
    expect(all).toEqual([{ v: "id" }]);
  });

  it("leaves other characters alone (soft hyphen, letters, inner spaces)", async () => {
    const rows = await db.rows(`select ${clean("x")} as v from (select chr(173) || ' a  b ' || chr(173) as x)`);
    expect(rows).toEqual([{ v: `\u00ad a  b \u00ad` }]);
  });
});
