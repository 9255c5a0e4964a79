/**
 * Validates raw_<table> and records every rejected row, with its reasons, in
 * `_rej_<table>` (rec = the raw record's _rec, or minus the record ordinal of
 * a line the CSV reader rejected; lines are worked out when printing).
 * Row-level rules first, then the integrity rules of the contract, each
 * applied to the rows still valid so that one fault gives one message.
 *
 * A `got` text may hold `{line:N}`: the line of raw record N, filled in later.
 */
import { CONTRACT, type ColumnSpec, expectation, type TableName } from "../contract.ts";
import { type Db, ident } from "../db.ts";
import { badMessage, clean, isBad, isIdColumn, parse } from "./checks.ts";

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** A value as shown in a message: JSON-quoted, shortened, or the word empty. */
const shown = (value: string) => {
  const ref = `cast(${value} as varchar)`;
  return `coalesce(to_json(case when length(${ref}) > 60 then left(${ref}, 60) || '… (' || length(${ref}) || ' characters)' else ${ref} end)::varchar, 'empty')`;
};

/** Builds _rej_<table> for one table; parents must have been validated first. */
export async function validateTable(db: Db, table: TableName, today: string, unusable: ReadonlySet<TableName> = new Set()): Promise<void> {
  // With a billing record, an account's customer_since may be empty: it is then its first start_date.
  const relaxSince = table === "accounts" && !unusable.has("subscriptions");
  const base = CONTRACT[table];
  const spec = relaxSince
    ? { ...base, columns: base.columns.map((c) => (c.name === "customer_since" ? { ...c, required: false } : c)) }
    : base;
  const raw = ident(`raw_${table}`);
  const rej = ident(`_rej_${table}`);
  const structs = spec.columns.map((c) =>
    `{'column_name': ${q(c.name)}, 'expected': ${badMessage(c, expectation(c), today)}, 'got': ${shown(ident(c.name))}, 'bad': ${isBad(c, today)}}`);
  const anyBad = spec.columns.map((c) => isBad(c, today)).join(" or ");
  // A parent that is absent or could not be read says nothing about its keys: its own message (if any) is enough.
  const parents = Object.entries(spec.parents ?? {}).filter(([, parent]) => !unusable.has(parent));
  if (!spec.key) {
    // No key to check in between: the parents are checked in the same scan (usage has 100M rows to read once, not twice).
    await db.run(`create or replace table ${rej} as ${oneScan(raw, structs, anyBad, parents)}`);
  } else {
    await db.run(`create or replace table ${rej} as
      with bad as (select _rec as rec, * from ${raw} where ${anyBad})
      select rec, e.column_name, e.expected, e.got from (
        select rec, unnest(list_filter([${structs.join(", ")}], x -> x.bad)) as e from bad
      )`);
  }
  // Lines the CSV reader could not split never reach raw_<table>: keep them here too (rec = minus the reader's
  // record ordinal), so that every rejected row is counted in one place.
  await db.run(`insert into ${rej} select -p.line, coalesce(p.column, ''), p.expected, p.got
    from (select unnest(from_json(fatal, '[{"line": "BIGINT", "column": "VARCHAR", "expected": "VARCHAR", "got": "VARCHAR"}]')) as p
      from _3r_raw where table_name = ${q(table)}) where p.line > 1`);
  const valid = `(select _rec as rec, * from ${raw} where _rec not in (select rec from ${rej}))`;
  const insert = (sql: string) => db.run(`insert into ${rej} ${sql}`);

  if (spec.key) {
    // Ids compare case-folded: "A2" and "a2" name one account, so the second is a duplicate.
    const key = spec.key.map((k) => (isIdColumn({ name: k }) ? `lower(${clean(ident(k))})` : clean(ident(k)))).join(", ");
    const col = spec.key[spec.key.length === 1 ? 0 : spec.key.length - 1];
    const label = spec.key.join(" + ");
    await insert(`select rec, ${q(col)}, ${q(`a unique ${label}`)}, ${shown("keytext")} || ', already on line {line:' || first || '}'
      from (select rec, concat_ws(' + ', ${spec.key.map((k) => clean(ident(k))).join(", ")}) as keytext, min(rec) over (partition by ${key}) as first from ${valid} v)
      where rec <> first`);
  }
  for (const [col, parent] of spec.key ? parents : []) {
    const k = ident(col);
    await insert(`select v.rec, ${q(col)}, ${q(orphanExpected(col, parent))}, ${orphanGot(col, parent, `v.${k}`)}
      from ${valid} v left join ${parentKeys(col, parent)} p on p.k = ${clean(`v.${k}`)}
      where ${clean(`v.${k}`)} is not null and p.k is null`);
  }
  if (table === "renewals") await validateRenewals(db, today);
  if (table === "subscriptions") await validateSubscriptions(db);
  if (relaxSince) await validateSince(db);
}

/** The valid rows' keys of a parent table (its rows validation kept). */
const parentKeys = (col: string, parent: string) =>
  `(select distinct ${clean(ident(col))} as k from ${ident(`raw_${parent}`)} where _rec not in (select rec from ${ident(`_rej_${parent}`)}))`;
const orphanExpected = (col: string, parent: string) => `${/^[aeiou]/.test(col) ? "an" : "a"} ${col} that exists in ${parent}`;
/** The value shown for a key with no valid parent, saying when the parent row exists but was rejected. */
const orphanGot = (col: string, parent: string, ref: string) => `${shown(clean(ref))} || case when ${clean(ref)} in
  (select ${clean(ident(col))} from ${ident(`raw_${parent}`)}) then ' (its ${parent} row was rejected)' else '' end`;

/**
 * The rejects of a table without a key in one scan: row-level rules, then each parent in turn on the rows
 * still valid (a row breaking a row-level rule, or missing an earlier parent, gets no further message), as
 * the separate statements for keyed tables do. Keys join the parents' (small) key sets.
 */
function oneScan(raw: string, structs: string[], anyBad: string, parents: [string, string][]): string {
  const orphan = (i: number) => `(${clean(`r.${ident(parents[i][0])}`)} is not null and p${i}.k is null)`;
  const parentStructs = parents.map(([col, parent], i) => `{'column_name': ${q(col)}, 'expected': ${q(orphanExpected(col, parent))},
    'got': ${orphanGot(col, parent, ident(col))}, 'bad': not row_bad${parents.slice(0, i).map((_, j) => ` and not orphan${j}`).join("")} and orphan${i}}`);
  return `with checked as (
      select r._rec as rec, r.*, (${anyBad}) as row_bad${parents.map((_, i) => `, ${orphan(i)} as orphan${i}`).join("")}
      from ${raw} r${parents.map(([col, parent], i) => ` left join ${parentKeys(col, parent)} p${i} on p${i}.k = ${clean(`r.${ident(col)}`)}`).join("")}
    )
    select rec, e.column_name, e.expected, e.got from (
      select rec, unnest(list_filter([${[...structs, ...parentStructs].join(", ")}], x -> x.bad)) as e
      from checked where row_bad${parents.map((_, i) => ` or orphan${i}`).join("")}
    )`;
}

const col = (name: string): ColumnSpec => CONTRACT.renewals.columns.find((c) => c.name === name)!;

/** The rules that tie the lines of one renewal event together. */
async function validateRenewals(db: Db, _today: string): Promise<void> {
  const rej = "_rej_renewals";
  const lines = `(select _rec as rec, ${clean('"renewal_id"')} as rid, ${clean('"account_id"')} as acct,
      ${parse(col("renewal_date"), '"renewal_date"')} as rdate, ${parse(col("resolved_date"), '"resolved_date"')} as sdate,
      "arr_after" from raw_renewals where _rec not in (select rec from ${rej}))`;
  // The lines of one event must agree on account and dates: otherwise the event's totals are meaningless.
  await db.run(`insert into ${rej}
    with l as ${lines},
    ev as (select rid, count(distinct acct) na, count(distinct rdate) nr, count(distinct coalesce(sdate::varchar, '-')) ns
           from l group by rid having na > 1 or nr > 1 or ns > 1)
    select l.rec,
      case when ev.na > 1 then 'account_id' when ev.nr > 1 then 'renewal_date' else 'resolved_date' end,
      'the same ' || case when ev.na > 1 then 'account_id' when ev.nr > 1 then 'renewal_date' else 'resolved_date' end
        || ' on every line of renewal ' || to_json(l.rid)::varchar,
      'lines that disagree: ' || case when ev.na > 1 then coalesce(to_json(l.acct)::varchar, 'empty')
        when ev.nr > 1 then coalesce(l.rdate::varchar, 'empty') else coalesce(l.sdate::varchar, 'empty') end || ' on this line'
    from l join ev using (rid)`);
  // A renewal settled more than a year before it was due is a typo in one of the dates.
  await db.run(`insert into ${rej}
    select rec, 'resolved_date', 'a resolved_date no earlier than 365 days before renewal_date ' || rdate::varchar, sdate::varchar
    from ${lines} where sdate < rdate - interval 365 day`);
  // A resolved event without arr_after on a line would lose or invent value.
  await db.run(`insert into ${rej}
    select rec, 'arr_after', 'an arr_after on every line of a resolved renewal (resolved_date ' || sdate::varchar || ')', 'empty'
    from ${lines} where sdate is not null and ${clean('"arr_after"')} is null`);
  // One bad line spoils its whole event: keep events whole rather than publish half of one.
  await db.run(`insert into ${rej}
    with l as (select _rec as rec, ${clean('"renewal_id"')} as rid from raw_renewals),
    spoiled as (select rid, min(rec) as first_bad from l where rec in (select rec from ${rej}) and rid is not null group by rid)
    select l.rec, 'renewal_id', 'every line of renewal ' || to_json(l.rid)::varchar || ' to be valid',
      'line {line:' || spoiled.first_bad || '} of it was rejected'
    from l join spoiled using (rid) where l.rec not in (select rec from ${rej})`);
}

const subCol = (name: string): ColumnSpec => CONTRACT.subscriptions.columns.find((c) => c.name === name)!;

/** The rules of a billing record that need more than one column. */
async function validateSubscriptions(db: Db): Promise<void> {
  const rej = "_rej_subscriptions";
  const rows = `(select _rec as rec, ${parse(subCol("start_date"), '"start_date"')} as s, ${parse(subCol("end_date"), '"end_date"')} as e,
      ${clean('"mrr"')} as mrr, ${clean('"arr"')} as arr, ${clean('"subscription_id"')} as sid
    from raw_subscriptions where _rec not in (select rec from ${rej}))`;
  // end_date is exclusive: a row ending on or before its start bills nothing, so one of its dates is wrong.
  await db.run(`insert into ${rej}
    select rec, 'end_date', 'an end_date after start_date ' || s::varchar || coalesce(' (subscription ' || to_json(sid)::varchar || ')', ''), e::varchar
    from ${rows} where e is not null and s is not null and e <= s`);
  // The file's value column (mrr or arr, whichever it has) is required on every row.
  const filled = await db.one<{ a: number }>(`select count(arr) as a from ${rows}`);
  const which = Number(filled?.a ?? 0) > 0 ? "arr" : "mrr";
  await db.run(`insert into ${rej}
    select rec, '${which}', 'a value (${which} is required: the recurring value of the row)', 'empty'
    from ${rows} where mrr is null and arr is null`);
}

/** An account left without customer_since needs subscription rows to take its first start_date from. */
async function validateSince(db: Db): Promise<void> {
  await db.run(`insert into _rej_accounts
    select _rec, 'customer_since', 'a value (customer_since may be empty only for an account with rows in subscriptions)', 'empty'
    from raw_accounts
    where _rec not in (select rec from _rej_accounts)
      and ${clean('"customer_since"')} is null
      and ${clean('"account_id"')} not in (select ${clean('"account_id"')} from raw_subscriptions where ${clean('"account_id"')} is not null)`);
}
