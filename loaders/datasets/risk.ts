/** The Risk page: is the red pie honest? Health colors against the churn that followed (docs/metrics.md § Risk). */
import { defineDataset } from "./define.ts";

const dims = {
  segment: { type: "string", doc: "account segment; '(none)' when the account has none" },
  region: { type: "string", doc: "account region; '(none)' when the account has none" },
  csm: { type: "string", doc: "owner (accounts.csm); '(none)' when the account has none" },
} as const;

const group = { type: "int", doc: "account group: segment, region and CSM, spelled out in the groups table" } as const;

const sliceDimension = { type: "string", doc: "the slice: all (the whole book), segment, region or csm" } as const;
const sliceValue = { type: "string", nullable: true, doc: "'all' for the whole book; else the segment, region or CSM (null: accounts that name none)" } as const;

/** The four verdicts of docs/metrics.md § Risk, in their fixed words. */
export const VERDICTS = ["no health scores", "red under-calls churn", "red is big enough but misses most churn", "red covers churn"] as const;
const verdictColumn = (whenNull: string) => ({
  type: "string", nullable: true,
  doc: `${VERDICTS.map((v) => `"${v}"`).join(", ")}: no score in the slice; red share < logo churn; else missed churn > risk_missed_churn_limit; else. ${whenNull}`,
} as const);

const color = { type: "string", doc: "red, yellow, green, or unscored (no snapshot on or before the date)" } as const;

export const risk = defineDataset({
  name: "risk",
  title: "Risk",
  doc: "Red share of health colors against logo and revenue churn: renewal view per lookback, calibration, the book as the dashboard showed it each quarter, lead time, per-CSM under-calling and volatility; the verdict of each view per slice (book_verdicts, renewal_verdicts). Counts are additive: sum the rows a filter keeps, then divide (src/components/risk.js).",
  tables: {
    settings: {
      doc: "One row: the settings the figures were computed with.",
      sql: "select * from risk_settings",
      columns: {
        lookback_days: { type: "int", doc: "the configured lookback L (config lookbackDays), in days" },
        lookbacks: { type: "string[]", doc: "every lookback computed (config lookbackChoices plus lookbackDays), as text" },
        under_call_min_events: { type: "int", doc: "resolved renewals a CSM needs before being flagged as under-calling" },
        flip_days: { type: "int", doc: "red↔green within this many days is a flip" },
        risk_missed_churn_limit: { type: "number", doc: "a red slice at least as big as churn that misses more than this share of churned logos \"misses most churn\" (config thresholds.riskMissedChurnLimit)" },
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
        quarter_start: { type: "date", doc: "d, the first day of a quarter; the year that followed it is over when d + 365 ≤ the as-of date" },
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
        red_share: { type: "number", nullable: true, doc: "red_events / events; null when none of them was scored at the lookback (no health scores)" },
        logo_churn_rate: { type: "number", doc: "churned / events" },
        under_calling: { type: "boolean", doc: "a named CSM with events ≥ under_call_min_events, some scored, and red_share < logo_churn_rate" },
      },
    },
    book_verdicts: {
      doc: "Book view, the headline: on the first day d of each quarter, for the whole book and each segment, region and CSM, the red share of the accounts active on d against the churn of their renewals due in [d, d + 365), and the verdict once that year is over.",
      sql: "select * from book_verdicts order by quarter_start, dimension, dimension_value nulls last",
      columns: {
        quarter_start: { type: "date", doc: "d, the first day of a quarter" },
        dimension: sliceDimension,
        dimension_value: sliceValue,
        closed: { type: "boolean", doc: "d + 365 ≤ the as-of date: the year that followed d is over; only closed quarters get a verdict" },
        active_accounts: { type: "int", doc: "accounts active on d (customer_since ≤ d, not fully lost at a renewal resolved before d)" },
        red_accounts: { type: "int", doc: "of them, red on d (latest snapshot on or before d)" },
        red_share: { type: "number", nullable: true, doc: "red_accounts / active_accounts; null when no account of the slice was scored on d (no health scores), never 0" },
        red_share_arr: { type: "number", nullable: true, doc: "contract value on d of the red accounts / of the active accounts; null as red_share, or when that value is 0" },
        resolved: { type: "int", doc: "renewal events of those accounts due in [d, d + 365) and resolved by the as-of date" },
        churned: { type: "int", doc: "of them, fully lost (after = 0)" },
        churned_red: { type: "int", doc: "of the churned, those whose account was red on d" },
        logo_churn_rate: { type: "number", nullable: true, doc: "churned / resolved; null when nothing was resolved" },
        flagged_churn: { type: "number", nullable: true, doc: "churned_red / churned: the churn red had flagged on d; null with no churn or no health scores" },
        missed_churn: { type: "number", nullable: true, doc: "1 − flagged_churn" },
        verdict: verdictColumn("null while the quarter is open, or when none of its renewals was resolved"),
      },
    },
    renewal_verdicts: {
      doc: "Renewal view, the calibration: resolved renewal events read at the configured lookback (renewal_date − L), per cohort ('all', a renewal year, a quarter) and for the whole book and each segment, region and CSM, with the verdict.",
      sql: "select * from renewal_verdicts order by cohort, dimension, dimension_value nulls last",
      columns: {
        cohort: { type: "string", doc: "'all' (every resolved renewal), a renewal year ('2025') or a renewal quarter ('2025-Q1') of renewal_date" },
        dimension: sliceDimension,
        dimension_value: sliceValue,
        events: { type: "int", doc: "resolved renewal events" },
        red_events: { type: "int", doc: "of them, red at the lookback" },
        red_share: { type: "number", nullable: true, doc: "red_events / events; null when no event was scored at its lookback (no health scores), never 0" },
        red_share_arr: { type: "number", nullable: true, doc: "Σ before of red events / Σ before; null as red_share, or when Σ before is 0" },
        churned: { type: "int", doc: "of them, fully lost" },
        churned_red: { type: "int", doc: "fully lost and red at the lookback" },
        logo_churn_rate: { type: "number", doc: "churned / events" },
        revenue_churn_rate: { type: "number", nullable: true, doc: "(full loss + partial loss) / Σ before; null when Σ before is 0" },
        flagged_churn: { type: "number", nullable: true, doc: "churned_red / churned; null with no churn or no health scores" },
        missed_churn: { type: "number", nullable: true, doc: "1 − flagged_churn" },
        precision: { type: "number", nullable: true, doc: "churned_red / red_events: the red events that churned; null with no red event" },
        verdict: verdictColumn("never null: every cohort listed has resolved events"),
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
