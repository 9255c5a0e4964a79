/**
 * The actions export of `npm run report`: actions.csv and actions.json, one row per account per health-review
 * list, for a CRM or CS platform to import. `action_key` is stable (a hash of account and list), so importing
 * the next review's file updates the same actions instead of duplicating them. Column names follow the
 * config's `actionColumns` (our name → the target system's field name). The CSV goes through the same
 * formula neutralizer as every CSV download (src/components/table.js).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACTION_COLUMNS, type Config } from "../engine/config.ts";
import type { Db, Row } from "../engine/db.ts";
import { toRows } from "./columnar.ts";
import { computeDataset } from "./emit.ts";
import { healthReview } from "./health-review.ts";
import { toCsv } from "../../src/components/table.js";

type ActionColumn = (typeof ACTION_COLUMNS)[number];

/** Column types as documented (docs/decisions.md), for a reader that wants them spelled out, e.g. DuckDB's read_csv. */
export const ACTION_TYPES: Record<ActionColumn, "VARCHAR" | "DOUBLE" | "DATE"> = {
  action_key: "VARCHAR", account_id: "VARCHAR", account_name: "VARCHAR", list: "VARCHAR", reasons: "VARCHAR",
  reason_text: "VARCHAR", owner: "VARCHAR", arr: "DOUBLE", renewal_date: "DATE", due_by: "DATE",
};

/** Health-review item rows → action rows under our column names; reasons are codes joined by ";". */
export function actionRows(items: Row[]): Record<ActionColumn, Row[string]>[] {
  return items.map((r) => ({
    action_key: r.action_key,
    account_id: r.account_id,
    account_name: r.account_name,
    list: r.list,
    reasons: (r.reasons as string[]).join(";"),
    reason_text: r.reason_text,
    owner: r.csm,
    arr: r.arr,
    renewal_date: r.renewal_date,
    due_by: r.due_by,
  }));
}

/** Our column name → the output name; two columns mapped to one name is an error (an import would lose one). */
export function actionNames(map: Config["actionColumns"]): Record<ActionColumn, string> {
  const names = Object.fromEntries(ACTION_COLUMNS.map((c) => [c, map[c] ?? c])) as Record<ActionColumn, string>;
  const seen = new Map<string, string>();
  for (const c of ACTION_COLUMNS) {
    const other = seen.get(names[c]);
    if (other) throw new Error(`config actionColumns: "${other}" and "${c}" are both written as "${names[c]}"; give each its own name`);
    seen.set(names[c], c);
  }
  return names;
}

/** Action rows renamed for the target system, in ACTION_COLUMNS order. */
export function renamed(rows: Record<ActionColumn, Row[string]>[], names: Record<ActionColumn, string>): Row[] {
  return rows.map((r) => Object.fromEntries(ACTION_COLUMNS.map((c) => [names[c], r[c]])));
}

/** The CSV text (header first, CRLF, formulas neutralized). */
export function actionsCsv(rows: Row[], names: Record<ActionColumn, string>): string {
  return toCsv(rows, ACTION_COLUMNS.map((c) => ({ key: names[c] })));
}

/** Computes the lists and writes actions.csv and actions.json into `out`; returns the number of actions. */
export async function writeActions(db: Db, config: Config, out: string): Promise<number> {
  const names = actionNames(config.actionColumns);
  const file = await computeDataset(db, healthReview);
  const rows = renamed(actionRows(toRows(file.tables.items)), names);
  writeFileSync(join(out, "actions.csv"), actionsCsv(rows, names));
  writeFileSync(join(out, "actions.json"), JSON.stringify(rows, null, 1) + "\n");
  return rows.length;
}
