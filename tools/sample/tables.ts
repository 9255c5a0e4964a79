/** The output tables (renewals or subscriptions, by shape): column names and DuckDB types as in the data contract, and their sort order. */
import { FEATURES } from "./catalog.js";

/** One output table: the temporary CSV's columns, the Parquet select list, and the sort order. */
export interface TableSpec {
  name: string;
  /** Columns of the intermediate CSV, with DuckDB types. */
  csv: [string, string][];
  /** Select list turning CSV columns into contract columns (defaults to the CSV columns). */
  select?: string;
  orderBy: string;
}

const featureList = `[${FEATURES.map((f) => `'${f}'`).join(", ")}]`;

export const TABLES: TableSpec[] = [
  {
    name: "accounts",
    csv: [["account_id", "VARCHAR"], ["account_name", "VARCHAR"], ["segment", "VARCHAR"], ["region", "VARCHAR"],
      ["industry", "VARCHAR"], ["csm", "VARCHAR"], ["customer_since", "DATE"], ["licenses", "INTEGER"]],
    orderBy: "account_id",
  },
  {
    name: "renewals",
    csv: [["renewal_id", "VARCHAR"], ["account_id", "VARCHAR"], ["renewal_date", "DATE"], ["resolved_date", "DATE"],
      ["product", "VARCHAR"], ["arr_before", "DOUBLE"], ["arr_after", "DOUBLE"], ["loss_reason", "VARCHAR"]],
    orderBy: "renewal_id, product",
  },
  {
    // the billing-record shape (--shape subscriptions) writes this instead of renewals
    name: "subscriptions",
    csv: [["subscription_id", "VARCHAR"], ["account_id", "VARCHAR"], ["product", "VARCHAR"], ["start_date", "DATE"],
      ["end_date", "DATE"], ["mrr", "DOUBLE"], ["churn_reason", "VARCHAR"]],
    orderBy: "subscription_id",
  },
  {
    name: "health",
    csv: [["account_id", "VARCHAR"], ["as_of", "DATE"], ["color", "VARCHAR"], ["score", "INTEGER"], ["source", "VARCHAR"]],
    orderBy: "account_id, as_of",
  },
  {
    // coded as integers in the CSV (account, user, day number, feature index) to keep the big table fast
    name: "usage",
    csv: [["a", "INTEGER"], ["u", "INTEGER"], ["d", "INTEGER"], ["f", "INTEGER"], ["e", "INTEGER"]],
    select: `printf('A%05d', a) AS account_id, printf('A%05d-U%04d', a, u) AS user_id,
      (DATE '1970-01-01' + d) AS date, ${featureList}[f + 1] AS feature, e AS events`,
    orderBy: "a, d, u, f",
  },
  {
    name: "features",
    csv: [["feature", "VARCHAR"], ["sticky", "BOOLEAN"]],
    orderBy: "feature",
  },
  {
    name: "contacts",
    csv: [["contact_id", "VARCHAR"], ["account_id", "VARCHAR"], ["role", "VARCHAR"], ["is_exec_sponsor", "BOOLEAN"],
      ["title", "VARCHAR"]],
    orderBy: "contact_id",
  },
  {
    name: "touches",
    csv: [["account_id", "VARCHAR"], ["date", "DATE"], ["type", "VARCHAR"], ["contact_id", "VARCHAR"], ["csm", "VARCHAR"]],
    orderBy: "account_id, date, type, contact_id NULLS FIRST, csm",
  },
  {
    name: "tickets",
    csv: [["ticket_id", "VARCHAR"], ["account_id", "VARCHAR"], ["opened_at", "DATE"], ["closed_at", "DATE"],
      ["severity", "VARCHAR"]],
    orderBy: "ticket_id",
  },
  {
    name: "nps",
    csv: [["account_id", "VARCHAR"], ["responded_at", "DATE"], ["score", "INTEGER"]],
    orderBy: "account_id, responded_at",
  },
  {
    name: "milestones",
    csv: [["account_id", "VARCHAR"], ["stage", "VARCHAR"], ["reached_at", "DATE"]],
    orderBy: "account_id, reached_at, stage",
  },
];
