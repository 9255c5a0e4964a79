/**
 * The input contract in executable form.
 *
 * Each column is described once, as a `ColumnSpec`; from that one description
 * come the SQL checks that validate raw files inside DuckDB (ingest/checks.ts,
 * fast on large files) and the wording of every problem (`expectation`).
 */

/** The kinds of value a column may hold. */
export type ColumnKind = "string" | "date" | "int" | "number" | "enum" | "boolean";

/** One column of an input table. */
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** true: every row needs a value; "when_resolved": renewals lines of resolved events need it. */
  required: boolean | "when_resolved";
  min?: number;
  max?: number;
  values?: readonly string[];
  /** The date may lie after the as-of date (renewal dates are scheduled ahead). */
  futureAllowed?: boolean;
  meaning: string;
}

/** One input table. */
export interface TableSpec {
  name: TableName;
  required: boolean;
  /** Columns that together must be unique. */
  key?: readonly string[];
  /** Foreign keys: column → parent table (its key column has the same name). */
  parents?: Readonly<Record<string, TableName>>;
  columns: readonly ColumnSpec[];
}

export const TABLE_NAMES = [
  "accounts", "renewals", "subscriptions", "health", "usage", "features",
  "contacts", "touches", "tickets", "nps", "milestones",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const COLORS = ["red", "yellow", "green"] as const;
export const ROLES = ["decision_maker", "practitioner"] as const;
export const TOUCH_TYPES = ["call", "email", "meeting", "business_review", "onsite", "other"] as const;
export const SEVERITIES = ["low", "normal", "high", "urgent"] as const;
export const STAGES = ["onboarded", "adopted", "first_value", "expanded", "renewed", "advocate"] as const;

const s = (name: string, required: boolean, meaning: string): ColumnSpec => ({ name, kind: "string", required, meaning });
const d = (name: string, required: boolean, meaning: string, futureAllowed = false): ColumnSpec =>
  ({ name, kind: "date", required, meaning, futureAllowed });
const e = (name: string, required: boolean, values: readonly string[], meaning: string): ColumnSpec =>
  ({ name, kind: "enum", required, values, meaning });
const b = (name: string, meaning: string): ColumnSpec => ({ name, kind: "boolean", required: false, meaning });

/*
 * The billing record (docs/contract.md § subscriptions), the other shape of the revenue record: one row per
 * product line per billed period or subscription. Renewal events are derived from it in SQL
 * (stg_subscription_renewals), so every page that reads renewals works on it unchanged.
 */
const SUBSCRIPTIONS: TableSpec = {
  name: "subscriptions", required: false, parents: { account_id: "accounts" },
  columns: [
    { name: "account_id", kind: "string", required: true, meaning: "→ accounts" },
    { name: "product", kind: "string", required: true, meaning: "the line (a plan or add-on)" },
    { name: "start_date", kind: "date", required: true, meaning: "first day billed" },
    // A paid term runs past the export date: its end is scheduled, like a renewal date.
    { name: "end_date", kind: "date", required: false, futureAllowed: true, meaning: "first day no longer billed (exclusive); empty = still running" },
    { name: "mrr", kind: "number", required: false, min: 0, meaning: "monthly recurring value (one of mrr, arr per file)" },
    { name: "arr", kind: "number", required: false, min: 0, meaning: "annual recurring value, = 12 × mrr (one of mrr, arr per file)" },
    { name: "subscription_id", kind: "string", required: false, meaning: "the billing system's id, shown in errors" },
    { name: "churn_reason", kind: "string", required: false, meaning: "the loss code, where one was given" },
  ],
};

/** The revenue record: a folder holds exactly one of these tables. */
export const REVENUE_TABLES = ["renewals", "subscriptions"] as const satisfies readonly TableName[];

/** Columns of which a file must hold exactly one (its header names one, never both). */
export const ONE_OF_COLUMNS: Partial<Record<TableName, readonly string[]>> = { subscriptions: ["mrr", "arr"] };

export const CONTRACT: Readonly<Record<TableName, TableSpec>> = {
  accounts: {
    name: "accounts", required: true, key: ["account_id"],
    columns: [
      s("account_id", true, "unique key"),
      s("account_name", false, "shown in lists"),
      s("segment", false, "e.g. SMB, Mid-Market, Enterprise"),
      s("region", false, "region"),
      s("industry", false, "industry"),
      s("csm", false, "owner: customer success manager"),
      d("customer_since", true, "first contract start"),
      { name: "licenses", kind: "int", required: false, min: 0, meaning: "seats purchased" },
    ],
  },
  renewals: {
    name: "renewals", required: false, key: ["renewal_id", "product"], parents: { account_id: "accounts" },
    columns: [
      s("renewal_id", true, "one renewal event of one account (all its lines share it)"),
      s("account_id", true, "→ accounts"),
      d("renewal_date", true, "the date the contract was up for renewal", true),
      d("resolved_date", false, "when the outcome was settled; empty = unresolved"),
      s("product", true, "the contract line"),
      { name: "arr_before", kind: "number", required: true, min: 0, meaning: "annual value going into the renewal; 0 for a cross-sell" },
      { name: "arr_after", kind: "number", required: "when_resolved", min: 0, meaning: "annual value after resolution; 0 = line removed" },
      s("loss_reason", false, "the loss code, where one was given"),
    ],
  },
  subscriptions: SUBSCRIPTIONS,
  health: {
    name: "health", required: false, parents: { account_id: "accounts" },
    columns: [
      s("account_id", true, "→ accounts"),
      d("as_of", true, "the color holds from this date until the next snapshot"),
      e("color", true, COLORS, "red | yellow | green"),
      { name: "score", kind: "number", required: false, min: 0, max: 100, meaning: "score 0–100" },
      s("source", false, "e.g. csm, system"),
    ],
  },
  usage: {
    name: "usage", required: false, parents: { account_id: "accounts" },
    columns: [
      s("account_id", true, "→ accounts"),
      s("user_id", true, "user"),
      d("date", true, "day"),
      s("feature", true, "feature used"),
      { name: "events", kind: "int", required: true, min: 1, meaning: "actions that day" },
    ],
  },
  features: {
    name: "features", required: false, key: ["feature"],
    columns: [s("feature", true, "as in usage"), b("sticky", "a feature whose users rarely leave")],
  },
  contacts: {
    name: "contacts", required: false, key: ["contact_id"], parents: { account_id: "accounts" },
    columns: [
      s("contact_id", true, "unique"),
      s("account_id", true, "→ accounts"),
      e("role", true, ROLES, "decision_maker | practitioner"),
      b("is_exec_sponsor", "an executive sponsor of the relationship"),
      s("title", false, "job title"),
    ],
  },
  touches: {
    name: "touches", required: false, parents: { account_id: "accounts", contact_id: "contacts" },
    columns: [
      s("account_id", true, "→ accounts"),
      d("date", true, "day of the activity"),
      e("type", true, TOUCH_TYPES, "call | email | meeting | business_review | onsite | other"),
      s("contact_id", false, "→ contacts"),
      s("csm", false, "who did it"),
    ],
  },
  tickets: {
    name: "tickets", required: false, key: ["ticket_id"], parents: { account_id: "accounts" },
    columns: [
      s("ticket_id", true, "unique"),
      s("account_id", true, "→ accounts"),
      d("opened_at", true, "opened"),
      d("closed_at", false, "closed"),
      e("severity", false, SEVERITIES, "low | normal | high | urgent"),
    ],
  },
  nps: {
    name: "nps", required: false, parents: { account_id: "accounts" },
    columns: [
      s("account_id", true, "→ accounts"),
      d("responded_at", true, "response date"),
      { name: "score", kind: "int", required: true, min: 0, max: 10, meaning: "0–10" },
    ],
  },
  milestones: {
    name: "milestones", required: false, parents: { account_id: "accounts" },
    columns: [
      s("account_id", true, "→ accounts"),
      e("stage", true, STAGES, "lifecycle stage"),
      d("reached_at", true, "date reached"),
    ],
  },
};

/** Human description of what a column expects, used in error messages. */
export function expectation(c: ColumnSpec): string {
  switch (c.kind) {
    case "string": return "a value";
    case "date": return "a date YYYY-MM-DD";
    case "boolean": return "true or false";
    case "enum": return `one of ${c.values!.join(", ")}`;
    case "int":
    case "number": {
      const what = c.kind === "int" ? "a whole number" : "a plain number";
      if (c.min !== undefined && c.max !== undefined) return `${what} from ${c.min} to ${c.max}`;
      if (c.min !== undefined) return `${what} ≥ ${c.min}`;
      return what;
    }
  }
}
