/**
 * SQL expressions, derived from the contract, that test one raw text value.
 * Each returns a boolean SQL expression over a column reference.
 */
import type { ColumnSpec } from "../contract.ts";
import { ident } from "../db.ts";

/*
 * A raw column is text, except where a typed source (Parquet) already holds
 * the contract's type: then it keeps that type and is not parsed again.
 * Every expression below branches on typeof(), which DuckDB folds to a
 * constant, so the typed path costs no text parsing at all.
 */
/**
 * Characters trimmed from both ends of every text value: whitespace including
 * tabs and line breaks, no-break space and the zero-width characters that
 * copying from web pages and spreadsheets leaves behind (U+200B–U+200D,
 * U+2060, U+FEFF). Two ids that differ only by these are the same id.
 */
export const PADDING_CHARS = String.fromCodePoint(32, 9, 10, 13, 11, 12, 160, 8203, 8204, 8205, 8288, 65279);
/**
 * As one SQL string literal holding the characters themselves (DuckDB's escape strings have no \u). It used to
 * be `chr(32) || chr(9) || …`, the same string once DuckDB folded it, but 23 expression nodes at each of the ~180
 * places a table's validation trims: planning `_rej_subscriptions` took ~140 ms instead of ~35 ms.
 */
const PADDING = `'${PADDING_CHARS}'`;
/**
 * Most values start and end with a visible ASCII character: they need no trimming (trim(x, chars) is ~5×
 * slower on usage's 100M rows). `x[-1]` is the last code point, not grapheme: a value ending in a zero-width
 * joiner is not taken for one ending in the letter before it. (`right(x, 1)` says the same at twice the cost:
 * on usage's ids it was most of the cost of cleaning them.)
 */
const visibleEnds = (v: string) => `(ord(${v}) between 33 and 126 and ord(${v}[-1]) between 33 and 126)`;
/** Trimmed text. */
const text = (ref: string) => {
  const v = `cast(${ref} as varchar)`;
  return `(case when ${visibleEnds(v)} then ${v} else trim(${v}, ${PADDING}) end)`;
};
/** Text (visible at both ends) that is the word NULL: the byte length first, so upper() runs on 4-byte values only. */
const nullWord = (v: string) => `(strlen(${v}) = 4 and upper(${v}) = 'NULL')`;
/**
 * The clean value of a text column: trimmed, or null when missing. Written so that the common value (visible
 * at both ends) is tested once and returned as is: each test of the general form below repeats the trimming,
 * and CASE branches share nothing, so on 100M rows the general form alone cost ~4× the reading of the column.
 */
const cleanText = (ref: string) => {
  const v = `cast(${ref} as varchar)`;
  const t = `trim(${v}, ${PADDING})`;
  return `(case when ${visibleEnds(v)} then (case when ${nullWord(v)} then null else ${v} end)
    else (case when ${t} = '' or upper(${t}) = 'NULL' then null else ${t} end) end)`;
};

/** Longest text value accepted: ids 200 characters, other text 1,000 (longer ones are pasted documents or exports gone wrong). */
export const TEXT_LIMIT = 1000;
export const ID_LIMIT = 200;
/** Whether a column holds ids (its name ends in _id): shorter limit, and case-insensitive uniqueness. */
export const isIdColumn = (c: { name: string }) => c.name.endsWith("_id");
const textLimit = (c: ColumnSpec) => (isIdColumn(c) ? ID_LIMIT : TEXT_LIMIT);
const isText = (ref: string) => `typeof(${ref}) = 'VARCHAR'`;

/** Source types that already are the contract's type for a kind (the typed fast path). */
export const NATIVE_TYPES: Partial<Record<ColumnSpec["kind"], RegExp>> = {
  date: /^(DATE|TIMESTAMP( WITH TIME ZONE)?|TIMESTAMP_(S|MS|NS))$/,
  int: /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/,
  number: /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/,
  boolean: /^BOOLEAN$/,
};

/** The value is missing: null, or text that is empty, blank or the word NULL. (typeof() folds to a constant: one branch remains.) */
export function isMissing(ref: string): string {
  return `(case when ${isText(ref)} then ${cleanText(ref)} is null else ${ref} is null end)`;
}

/** The clean text of a value (trimmed; missing → null). */
export function clean(ref: string): string {
  return `(case when ${isText(ref)} then ${cleanText(ref)} else ${text(ref)} end)`;
}

export const BOOLEAN_TRUE = ["true", "t", "yes", "y", "1"];
export const BOOLEAN_FALSE = ["false", "f", "no", "n", "0"];

const list = (xs: readonly string[]) => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(", ");

/** SQL true when the column arrived already typed (folded to a constant by DuckDB). */
function typed(c: ColumnSpec, ref: string): string | null {
  switch (c.kind) {
    case "date": return `typeof(${ref}) in ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS')`;
    case "int": return `typeof(${ref}) in ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT')`;
    case "number": return `(typeof(${ref}) in ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'FLOAT', 'DOUBLE') or typeof(${ref}) like 'DECIMAL%')`;
    case "boolean": return `typeof(${ref}) = 'BOOLEAN'`;
    default: return null;
  }
}

const SQL_TYPE: Partial<Record<ColumnSpec["kind"], string>> = { date: "date", int: "bigint", number: "double", boolean: "boolean" };

/** SQL that parses a present value of this column into its typed form, or null if it does not parse. */
export function parse(c: ColumnSpec, ref: string): string {
  const t = text(ref);
  let fromText: string;
  switch (c.kind) {
    case "string": return t;
    case "enum": return `case when lower(${t}) in (${list(c.values!)}) then lower(${t}) end`;
    // ISO date, optionally followed by a time, which is dropped.
    // A time with a UTC offset (Z, +02:00) is first moved to the configured time zone (UTC by default).
    case "date": fromText = `case when regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)? ?([Zz]|[+-]\\d{2}(:?\\d{2})?)')
        then try_cast(try_cast(${t} as timestamptz) as date)
      when regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}([T ].*)?') then try_cast(left(${t}, 10) as date) end`; break;
    // Whole numbers; "12.0" (as a spreadsheet or Parquet double prints it) is accepted.
    case "int": fromText = `case when regexp_full_match(${t}, '[+-]?\\d+(\\.0*)?') then try_cast(try_cast(${t} as double) as bigint) end`; break;
    // Plain numbers only: no thousands separators, currency signs, NaN or infinity.
    case "number": fromText = `case when regexp_full_match(${t}, '[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?') then try_cast(${t} as double) end`; break;
    case "boolean": fromText = `case when lower(${t}) in (${list(BOOLEAN_TRUE)}) then true when lower(${t}) in (${list(BOOLEAN_FALSE)}) then false end`; break;
  }
  return `case when ${typed(c, ref)} then try_cast(${ref} as ${SQL_TYPE[c.kind]}) else ${fromText} end`;
}

/**
 * The largest magnitude a number may have: amounts are staged as DECIMAL(18,2),
 * which holds less than 1e16. Beyond it a value is a typo or a unit mix-up.
 */
export const NUMBER_LIMIT = 1e16;

/** SQL that is true when a present value is out of the column's range. */
function outOfRange(c: ColumnSpec, parsed: string): string | null {
  const parts: string[] = [];
  if (c.min !== undefined) parts.push(`${parsed} < ${c.min}`);
  if (c.max !== undefined) parts.push(`${parsed} > ${c.max}`);
  if (c.kind === "number") parts.push(`not isfinite(${parsed})`, `abs(${parsed}) >= ${NUMBER_LIMIT}`);
  if (c.kind === "string") parts.push(`length(${parsed}) > ${textLimit(c)}`);
  return parts.length ? parts.join(" or ") : null;
}

/**
 * SQL that is true when a raw value breaks the column's row-level rules
 * (required, type, range). The "when resolved" rule needs other columns and
 * is checked with the integrity rules.
 */
export function isBad(c: ColumnSpec, today: string): string {
  const ref = ident(c.name);
  const parsed = parse(c, ref);
  const range = outOfRange(c, parsed);
  const future = c.kind === "date" && !c.futureAllowed ? ` or ${parsed} > date '${today}'` : "";
  const present = `(${parsed} is null${range ? ` or ${range}` : ""}${future})`;
  const general = `(case when ${isMissing(ref)} then ${c.required === true} else ${present} end)`;
  if (c.kind !== "string") return general;
  // Text visible at both ends (nearly every id) is its own clean value: only NULL and the length remain to test,
  // the byte length first (never below the character count).
  const v = `cast(${ref} as varchar)`, limit = textLimit(c);
  return `(case when ${isText(ref)} and ${visibleEnds(v)} then (case when ${nullWord(v)} then ${c.required === true}
    else strlen(${v}) > ${limit} and length(${v}) > ${limit} end) else ${general} end)`;
}

/** What a bad value of this column is told it should have been, as SQL text (it depends on the value). */
export function badMessage(c: ColumnSpec, expected: string, today: string): string {
  const ref = ident(c.name);
  const parsed = parse(c, ref);
  const future = c.kind === "date" && !c.futureAllowed
    ? `when ${parsed} > date '${today}' then 'a date not after today (${today})' `
    : "";
  const req = c.required === true ? `when ${isMissing(ref)} then 'a value (${c.name} is required)' ` : "";
  const long = c.kind === "string" ? `when length(${parsed}) > ${textLimit(c)} then 'a text of at most ${textLimit(c).toLocaleString("en-US")} characters' ` : "";
  const huge = c.kind === "number" ? `when abs(${parsed}) >= ${NUMBER_LIMIT} and isfinite(${parsed}) then 'a number below 10,000,000,000,000,000 (1e16)' ` : "";
  const fallback = `'${expected.replaceAll("'", "''")}'`;
  return req || future || huge || long ? `case ${req}${future}${huge}${long}else ${fallback} end` : fallback;
}
