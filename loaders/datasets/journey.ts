/** The Journey page: lifecycle funnel, time to first value, cohort retention and Kaplan–Meier curves. */
import { type ColumnDef, defineDataset } from "./define.ts";

const count = (doc: string): ColumnDef => ({ type: "int", doc });
const money = (doc: string): ColumnDef => ({ type: "number", doc });
const rate = (doc: string): ColumnDef => ({ type: "number", nullable: true, doc: `${doc}; null when the denominator is 0` });
const days = (doc: string): ColumnDef => ({ type: "number", nullable: true, doc: `${doc}; null when no account qualifies` });

const segment = { type: "string", doc: "account segment; '(none)' when the account has none" } satisfies ColumnDef;
const startQuarter = { type: "string", doc: "start cohort: the quarter of customer_since, e.g. '2024-Q3'" } satisfies ColumnDef;
const firstValueClass = {
  type: "string",
  doc: "'fast': first value within first_value_days of customer_since; 'slow': reached later; 'none': not reached on the as-of date although the account started more than first_value_days before it; 'pending': not reached, started first_value_days or fewer before the as-of date",
} satisfies ColumnDef;

/** A slice of the book: every figure is given for all cohorts, each start year and quarter, all segments and each. */
const slice = {
  cohort_type: { type: "string", doc: "'all', 'year' or 'quarter'" },
  cohort: { type: "string", nullable: true, doc: "null for all cohorts, else the start year ('2024') or quarter ('2024-Q3') of customer_since" },
  segment: { type: "string", nullable: true, doc: "null for all segments, else the segment ('(none)' for accounts without one)" },
} satisfies Record<string, ColumnDef>;

const sliceOrder = "list_position(['all', 'year', 'quarter'], cohort_type), cohort nulls first, segment nulls first";

export const journey = defineDataset({
  name: "journey",
  title: "Journey",
  doc: "The customer journey on the as-of date: the share of accounts that reached each lifecycle stage (onboarded → adopted → first_value → expanded → renewed → advocate, from milestones, a stage counted when the file has it dated on or before the as-of date) and the median days between stages; accounts stalled in a stage; time to first value (days from customer_since to the first first_value milestone) and retention at the first renewal for a fast versus a slow first value; logo and revenue retention of each start-quarter cohort by months since customer_since; and Kaplan–Meier logo retention per segment. Kaplan–Meier: time = days from customer_since; event = the account is fully lost, at lost_on (resolved_date of its first renewal with after = 0); every other account is censored at the as-of date (a loss is only known through a renewal resolved on or before it, so an account not lost was still a customer on that date; an account not yet up for renewal is censored, never counted as retained past the as-of date; censoring at the last resolved renewal instead would drop accounts that renewed early while their peers of the same round were still being settled, and overstate churn). Accounts with customer_since after the as-of date are left out. Usage is not read.",
  tables: {
    settings: {
      doc: "One row: the settings the figures were computed with and the size of the input.",
      sql: "select * from journey_settings",
      columns: {
        stalled_stage_days: count("an active account in its furthest stage for more than this many days is stalled (config stalledStageDays)"),
        first_value_days: count("first value within this many days of customer_since is fast (config firstValueDays)"),
        bin_days: count("width of the time-to-first-value bins, in days"),
        last_bin_start: count("the last bin starts here and holds every longer time"),
        milestones: count("milestone rows staged; 0 = no milestones file"),
        accounts: count("accounts with customer_since on or before the as-of date"),
        reached_first_value: count("of them, accounts with a first_value milestone on or before the as-of date"),
      },
    },
    funnel: {
      doc: "Per slice and stage: the accounts of the slice that reached the stage, and the median days from the stage before.",
      sql: `select * from journey_funnel order by ${sliceOrder}, stage_order`,
      columns: {
        ...slice,
        stage_order: count("1 onboarded, 2 adopted, 3 first_value, 4 expanded, 5 renewed, 6 advocate"),
        stage: { type: "string", doc: "the lifecycle stage" },
        accounts: count("accounts in the slice"),
        reached: count("of them, accounts with a milestone of this stage dated on or before the as-of date"),
        share: rate("reached / accounts"),
        from_previous: rate("reached / reached of the stage before (accounts for 'onboarded'); above 1 only when the file skips stages"),
        timed: count("accounts with both this stage and the one before (customer_since for 'onboarded'): those the median is over"),
        median_days: days("median of the days from the stage before to this one (the mean of the two middle values for an even count)"),
      },
    },
    stalled: {
      doc: "Stalled accounts: active on the as-of date, not advocates, and in their furthest stage for more than stalled_stage_days.",
      sql: "select * from journey_stalled_accounts order by days_in_stage desc, account_id",
      columns: {
        account_id: { type: "string", doc: "the account" },
        account_name: { type: "string", nullable: true, doc: "its name, when given" },
        segment,
        region: { type: "string", doc: "account region; '(none)' when the account has none" },
        csm: { type: "string", doc: "owner (accounts.csm); '(none)' when the account has none" },
        start_year: { type: "string", doc: "year of customer_since" },
        start_quarter: startQuarter,
        customer_since: { type: "date", doc: "first contract start" },
        stage: { type: "string", doc: "the furthest stage reached, or 'not_onboarded' when the account has no milestone" },
        stage_since: { type: "date", doc: "when it reached that stage (customer_since for 'not_onboarded')" },
        days_in_stage: count("days from stage_since to the as-of date"),
        current_arr: money("current contract value: the next open renewal's arr_before, else the latest resolved arr_after"),
        next_renewal_date: { type: "date", nullable: true, doc: "the earliest unresolved renewal's renewal_date; null when none" },
      },
    },
    first_value: {
      doc: "Time to first value per slice: accounts by first value class, and the quartiles of the days it took among those that reached it.",
      sql: `select * from journey_first_value_summary order by ${sliceOrder}`,
      columns: {
        ...slice,
        accounts: count("accounts in the slice"),
        reached: count("accounts that reached first value (fast + slow)"),
        fast: count("first value within first_value_days of customer_since"),
        slow: count("first value later than that"),
        not_reached: count("no first value on the as-of date, started more than first_value_days before it"),
        pending: count("no first value yet, started first_value_days or fewer before the as-of date (may still be fast)"),
        fast_share: rate("fast / (accounts − pending)"),
        p25_days: days("first quartile of days to first value (linear interpolation) among accounts that reached it"),
        median_days: days("median days to first value among accounts that reached it"),
        p75_days: days("third quartile of days to first value among accounts that reached it"),
      },
    },
    first_value_bins: {
      doc: "The distribution of time to first value: accounts that reached it per start quarter × segment × class × bin (additive).",
      sql: "select * from journey_first_value_bins order by start_quarter, segment, bin_start, first_value_class",
      columns: {
        start_quarter: startQuarter,
        segment,
        first_value_class: { type: "string", doc: "'fast' or 'slow' (see first_renewals)" },
        bin_start: count("days from customer_since to first value, rounded down to the bin (bin_days wide); the last bin holds every time from last_bin_start on, and a first value dated before customer_since counts in bin 0"),
        accounts: count("accounts"),
      },
    },
    first_renewals: {
      doc: "Each account's first renewal event (earliest renewal_date) and its outcome, summed per start quarter × segment × first value class (additive). Logo retention at the first renewal = 1 − churned_events / resolved_events; GRR = retained / resolved.",
      sql: "select * from journey_first_renewals order by start_quarter, segment, list_position(['fast', 'slow', 'none', 'pending'], first_value_class)",
      columns: {
        start_quarter: startQuarter,
        segment,
        first_value_class: firstValueClass,
        accounts: count("accounts (with or without a renewal)"),
        resolved_events: count("accounts whose first renewal is resolved on the as-of date"),
        churned_events: count("of them, fully lost (after = 0)"),
        resolved: money("Σ before of those resolved first renewals"),
        retained: money("Σ retained (resolved − full loss − partial loss) of them"),
        ending: money("Σ after of them"),
      },
    },
    cohort_retention: {
      doc: "Cohort retention by months since start (additive per start quarter × segment × m). Month m of an account is customer_since + m months and is counted once it is on or before the as-of date. Active on a date d: not fully lost at a renewal resolved before d. Value on d: 0 once lost, else arr_before of the earliest renewal not resolved before d, else arr_after of the last resolved. Logo retention = active / observed; revenue retention (net) = value / start_value; gross = kept_value / start_value. A cell is complete when observed = cohort_accounts.",
      sql: "select * from journey_cohort_retention order by start_quarter, segment, months",
      columns: {
        start_quarter: startQuarter,
        segment,
        months: count("m, whole months since customer_since"),
        cohort_accounts: count("accounts of the start quarter and segment"),
        observed: count("of them, accounts whose month m is on or before the as-of date"),
        active: count("of those, active at month m"),
        start_value: money("Σ their contract value at month 0"),
        value: money("Σ their contract value at month m"),
        kept_value: money("Σ min(value at m, value at 0) per account: the start value kept, without expansion"),
      },
    },
    retention_curves: {
      doc: "Kaplan–Meier logo retention since customer_since, one curve for the book (segment null) and one per segment: a row per day on which an account was lost or censored. Event: fully lost, at lost_on (days from customer_since). Censored: not lost, at the as-of date. S(t) = Π over event days ≤ t of (1 − events / at_risk).",
      sql: "select * from journey_retention_curves order by segment nulls first, days",
      columns: {
        segment: { type: "string", nullable: true, doc: "null for the whole book, else the segment ('(none)' for accounts without one)" },
        days: count("t: days since customer_since"),
        at_risk: count("accounts lost or censored on day t or later"),
        events: count("accounts lost on day t"),
        censored: count("accounts censored on day t (not lost, the as-of date is t days after their customer_since)"),
        survival: { type: "number", doc: "Kaplan–Meier logo retention S(t) just after day t" },
        std_err: { type: "number", nullable: true, doc: "Greenwood standard error of S(t); null once S(t) = 0" },
        lower: { type: "number", nullable: true, doc: "lower end of the 95% log-log confidence interval; null while S(t) = 1 or once it is 0" },
        upper: { type: "number", nullable: true, doc: "upper end of the 95% log-log confidence interval; null while S(t) = 1 or once it is 0" },
      },
    },
  },
});
