/** The Risk page: is the red pie honest? Health colors against the churn that followed (METRICS.md § Risk). */
import { defineDataset } from "./define.ts";

const dims = {
  segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
  region: { type: "string", doc: "account region; '(none)' when the account has none" },
  csm: { type: "string", doc: "owner (accounts.csm); '(none)' when the account has none" },
} as const;

const group = { type: "int", doc: "account group: segment, region and CSM, spelled out in the groups table" } as const;

const color = { type: "string", doc: "red, yellow, green, or unscored (no snapshot on or before the date)" } as const;

export const risk = defineDataset({
  name: "risk",
  title: "Risk",
  doc: "Red share of health colors against logo and revenue churn: renewal view per lookback, calibration, the book as the dashboard showed it each quarter, lead time, per-CSM under-calling and volatility. Counts are additive: sum the rows a filter keeps, then divide (src/components/risk.js).",
  tables: {
    settings: {
      doc: "One row: the settings the figures were computed with.",
      sql: "select * from risk_settings",
      columns: {
        lookback_days: { type: "int", doc: "the configured lookback L (config lookbackDays), in days" },
        lookbacks: { type: "string[]", doc: "every lookback computed (config lookbackChoices plus lookbackDays), as text" },
        under_call_min_events: { type: "int", doc: "resolved renewals a CSM needs before being flagged as under-calling" },
        flip_days: { type: "int", doc: "red↔green within this many days is a flip" },
        health_snapshots: { type: "int", doc: "health snapshots staged; 0 = no health file, every account unscored" },
      },
    },
    groups: {
      doc: "Account groups: each combination of segment, region and CSM that the other tables' group_id stands for.",
      sql: "select distinct group_id, segment, region, csm from int_account_groups order by group_id",
      columns: { group_id: { type: "int", doc: "key" }, ...dims },
    },
    renewals: {
      doc: "Renewal view: resolved renewal events per lookback, cohort quarter, segment, region, CSM and color at renewal_date − lookback.",
      sql: "select * from risk_renewal_counts order by all",
      columns: {
        lookback_days: { type: "int", doc: "lookback L in days: the color is read on renewal_date − L" },
        renewal_quarter: { type: "string", doc: "cohort quarter of renewal_date, e.g. 2025-Q1 (a year is the sum of its quarters)" },
        group_id: group,
        color,
        events: { type: "int", doc: "resolved renewal events" },
        churned: { type: "int", doc: "of them, fully lost (after = 0)" },
        arr: { type: "number", doc: "Σ before (arr_before of the event's lines): the resolved value" },
        lost_arr: { type: "number", doc: "Σ full loss + partial loss: the revenue churned" },
      },
    },
    book: {
      doc: "Book view: accounts active on the first day d of each quarter, by their color on d, and their renewals due in [d, d + 365).",
      sql: "select * from risk_book_counts order by all",
      columns: {
        quarter_start: { type: "date", doc: "d, the first day of a quarter; the year that followed it is over when d + 364 ≤ the as-of date" },
        group_id: group,
        color: { ...color, doc: "color on d: red, yellow, green, or unscored" },
        accounts: { type: "int", doc: "accounts active on d (customer_since ≤ d, not fully lost at a renewal resolved before d)" },
        arr: { type: "number", doc: "their contract value on d: arr_before of the earliest renewal not settled before d, else arr_after of the last settled" },
        events: { type: "int", doc: "their renewal events due in [d, d + 365) and resolved" },
        churned: { type: "int", doc: "of those, fully lost" },
        resolved_arr: { type: "number", doc: "Σ before of those resolved events" },
        lost_arr: { type: "number", doc: "Σ full loss + partial loss of those events" },
        unresolved: { type: "int", doc: "their renewal events due in [d, d + 365) not resolved by the as-of date" },
      },
    },
    lead_times: {
      doc: "Churned renewals: days from the first day the account was red in the 365 days before renewal_date to renewal_date.",
      sql: "select * from risk_lead_times order by all",
      columns: {
        renewal_quarter: { type: "string", doc: "cohort quarter of renewal_date" },
        group_id: group,
        lead_days: { type: "int", nullable: true, doc: "1–365 days of warning; null = never red in the 365 days before renewal_date" },
        events: { type: "int", doc: "churned renewal events" },
        arr: { type: "number", doc: "Σ before of those events" },
      },
    },
    csms: {
      doc: "Per lookback and CSM, over every resolved renewal: red share against logo churn, and the under-calling flag.",
      sql: "select * from risk_csm_calls order by all",
      columns: {
        lookback_days: { type: "int", doc: "lookback L in days" },
        csm: dims.csm,
        events: { type: "int", doc: "resolved renewal events of the CSM's accounts" },
        red_events: { type: "int", doc: "of them, red at the lookback" },
        churned: { type: "int", doc: "of them, fully lost" },
        churned_red: { type: "int", doc: "fully lost and red at the lookback" },
        red_share: { type: "number", doc: "red_events / events" },
        logo_churn_rate: { type: "number", doc: "churned / events" },
        under_calling: { type: "boolean", doc: "a named CSM with events ≥ under_call_min_events and red_share < logo_churn_rate" },
      },
    },
    headline: {
      doc: "The latest full calendar year's renewals at the configured lookback: red share against churn (home page). No row before a full year has passed.",
      sql: "select * from risk_headline order by all",
      columns: {
        renewal_year: { type: "int", doc: "the latest calendar year ended on or before the as-of date" },
        lookback_days: { type: "int", doc: "the configured lookback L" },
        events: { type: "int", doc: "resolved renewal events due that year" },
        churned: { type: "int", doc: "of them, fully lost" },
        red_share: { type: "number", doc: "events red at the lookback / events" },
        red_share_arr: { type: "number", nullable: true, doc: "Σ before of red events / Σ before" },
        logo_churn_rate: { type: "number", doc: "churned / events" },
        revenue_churn_rate: { type: "number", nullable: true, doc: "(full loss + partial loss) / Σ before" },
        missed_churn: { type: "number", nullable: true, doc: "churned events not red at the lookback / churned events" },
        under_calls: { type: "boolean", doc: "red_share < logo_churn_rate: red under-calls churn" },
      },
    },
    volatility: {
      doc: "Per account: color changes per 90 days of scored life, and red↔green flips. Accounts never scored are kept (snapshots = 0).",
      sql: `select v.account_id, v.account_name, g.group_id, v.snapshots, v.changes, v.observed_days, v.flips, v.changes_per_90_days
        from health_volatility as v join int_account_groups as g using (account_id) order by v.account_id`,
      columns: {
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", nullable: true, doc: "account name" },
        group_id: group,
        snapshots: { type: "int", doc: "days with a health snapshot, up to the as-of date (two on one day count once)" },
        changes: { type: "int", doc: "snapshots whose color differs from the one before" },
        observed_days: { type: "int", nullable: true, doc: "days from the first snapshot to the as-of date, or to the day the account was lost" },
        flips: { type: "int", doc: "red↔green flips (see flips)" },
        changes_per_90_days: { type: "number", nullable: true, doc: "changes × 90 / observed_days, to 2 decimals; null when observed_days is 0 or unknown" },
      },
    },
    flips: {
      doc: "Each time an account went from red to green, or green to red, within flip_days days (yellow in between allowed).",
      sql: "select * from health_flips order by account_id, first_day_to",
      columns: {
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", nullable: true, doc: "account name" },
        ...dims,
        from_color: { type: "string", doc: "red or green" },
        to_color: { type: "string", doc: "the other one" },
        last_day_from: { type: "date", doc: "the last day the account had from_color" },
        first_day_to: { type: "date", doc: "the first day it had to_color" },
        days: { type: "int", doc: "first_day_to − last_day_from (1 when the snapshot switched straight over)" },
      },
    },
  },
});
