/**
 * SQL macros for figures that more than one model states, so each rule is written once (docs/metrics.md).
 * A macro reads no setting itself: callers pass `getvariable(...)` in their own SQL, so the setting stays part
 * of the model's fingerprint (variables.ts reads it from the model's text).
 */
import type { Db } from "./db.ts";

/**
 * `red_pie_verdict(scored, red_share, logo_churn_rate, flagged_churn, missed_churn_limit)`: the verdict on a red
 * pie in its fixed words, for the book view and the renewal view alike (docs/metrics.md § Risk). `scored`: the
 * slice has any health snapshot. Null when there is nothing to compare the pie with (no churn rate).
 *
 * `active_in(days, month, after, upto)`: whether a row of int_usage_user_months (a user's active days in `month`,
 * its first day, as bits: day d of the month is bit d − 1) has an active day d with after < d ≤ upto. Every count
 * of distinct active users over a window reads the user-months through it, and nothing else states the window:
 * a month the window does not touch is out (a plain range test on `month`, which DuckDB uses to skip rows and to
 * narrow joins); a month wholly inside it is in (every row holds an active day); otherwise the window's days
 * inside the month are the bits from day(max(month, after + 1)) to day(min(last_day(month), upto)).
 */
export async function createFigureMacros(db: Db): Promise<void> {
  await db.run(`
    create or replace macro red_pie_verdict(scored, red_share, logo_churn_rate, flagged_churn, missed_churn_limit) as
      case
        when not scored then 'no health scores'
        when logo_churn_rate is null then null
        when red_share < logo_churn_rate then 'red under-calls churn'
        when 1 - flagged_churn > missed_churn_limit then 'red is big enough but misses most churn'
        else 'red covers churn'
      end;
    create or replace macro active_in(days, month, after, upto) as
      month between date_trunc('month', after + 1) and upto
      and (
        (month > after and month < date_trunc('month', upto + 1))
        or days & ((1::bigint << day(least(last_day(month), upto))) - (1::bigint << (day(greatest(month, after + 1)) - 1))) <> 0
      );
  `);
  await createTraitMacros(db);
}

/**
 * `green_profile_flags(m, license_utilization, feature_breadth, usage_drop, contacts_touched, touched_days,
 * business_review_days, decision_maker_days, promoter, detractor, first_value_days)`: every green-profile trait
 * rule (docs/metrics.md § Green profile), written once for the renewals read on their lookback date
 * (green_profile_events) and the accounts read today (account_traits). `m` is a row of measurements (a struct:
 * pass the table alias) with counts already 0 where nothing was seen; the thresholds are the caller's
 * `getvariable(...)`s. Returns a struct of the traits, in the order green_profile_traits lists them; a trait is
 * null where its source is missing or its window not covered (never guessed).
 */
const GREEN_PROFILE_FLAGS = `
  create or replace macro green_profile_flags(m, license_utilization, feature_breadth, usage_drop, contacts_touched,
      touched_days, business_review_days, decision_maker_days, promoter, detractor, first_value_days) as {
    license_utilization_high: case when m.window_covered then m.license_utilization >= license_utilization end,
    feature_breadth_high: case when m.window_covered then m.feature_breadth >= feature_breadth end,
    uses_sticky_feature: case when m.window_covered and m.has_sticky then m.sticky_used > 0 end,
    -- falling = the 90 days hold at most (1 − drop) of the 90 before; the tolerance absorbs float error at exactly a third
    usage_not_falling: case when m.trend_covered then not (m.events_before > 0 and m.events_now <= m.events_before * (1 - usage_drop) + 1e-9) end,
    has_exec_sponsor: case when m.has_contacts then m.has_exec_sponsor end,
    multi_threaded: case when m.has_touches then m.contacts_touched >= contacts_touched end,
    -- recency traits: never touched (null days) counts as not recent
    touched_recently: case when m.has_touches then coalesce(m.days_since_touch < touched_days, false) end,
    business_review: case when m.has_touches then coalesce(m.days_since_review < business_review_days, false) end,
    decision_maker_touched: case when m.has_touches and m.has_contacts then coalesce(m.days_since_decision_maker < decision_maker_days, false) end,
    no_high_ticket: case when m.has_tickets then m.high_tickets = 0 end,
    -- no answer in the window is neither a promoter nor a detractor
    nps_promoter: case when m.has_nps then coalesce(m.nps_score >= promoter, false) end,
    nps_detractor: case when m.has_nps then coalesce(m.nps_score <= detractor, false) end,
    fast_first_value: case when m.has_milestones then coalesce(m.days_to_first_value <= first_value_days, false) end
  };
`;

/** Creates the green-profile trait rules (above); called with the other figure macros. */
export async function createTraitMacros(db: Db): Promise<void> {
  await db.run(GREEN_PROFILE_FLAGS);
}
