/**
 * Notices: things the user should know that reject no row (a file read as
 * Windows-1252, an optional column absent, a skipped symlink, an as-of date
 * far from the data). `check` prints them and the Data quality page lists them.
 */
import type { TableName } from "../contract.ts";
import { displayPath } from "./problems.ts";

export interface Notice {
  table: TableName | null;
  /** The file, folder or setting it is about. */
  file: string;
  column: string | null;
  message: string;
}

/** `file[:column]: warning: message` */
export function formatNotice(n: Notice): string {
  return `${[displayPath(n.file), n.column].filter(Boolean).join(":")}: warning: ${n.message}`;
}

/** What the pages lose when an optional column is absent (by table.column; others: a generic sentence). */
const WITHOUT: Record<string, string> = {
  "accounts.account_name": "pages will show account ids instead of names",
  "accounts.segment": "pages will show no segments",
  "accounts.region": "pages will show no regions",
  "accounts.industry": "pages will show no industries",
  "accounts.csm": "pages will show no CSM owners and no per-CSM pages",
  "accounts.licenses": "license utilization cannot be computed",
  "renewals.loss_reason": "the loss review will show no loss reasons",
  "renewals.resolved_date": "every renewal will count as unresolved",
  "contacts.is_exec_sponsor": "no contact will count as an executive sponsor",
  "touches.contact_id": "touches will not count towards contacts",
  "tickets.closed_at": "every ticket will count as open",
};

/** The notice for an optional contract column the file does not have. */
export function absentColumnNotice(table: TableName, file: string, column: string): Notice {
  const name = file.split("/").pop();
  const loss = WITHOUT[`${table}.${column}`] ?? `its values will be empty everywhere`;
  return { table, file, column: null, message: `${column}: not in ${name}; ${loss}; map it with columns in the config if the file names it differently` };
}
