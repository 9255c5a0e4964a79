/** The Green profile page: what retained accounts had in common before their renewal (docs/metrics.md § Green profile). */
import type { Db, Row } from "../engine/db.ts";
import { cohortRows, compareTrait, type ProfileEvent, rankTraits, slices } from "./stats/profile.ts";
import { defineDataset } from "./define.ts";

/** The events and definitions every table is computed from, read once per warehouse. */
const inputs = new WeakMap<Db, Promise<{ events: ProfileEvent[]; traits: Row[]; metrics: Row[]; minEvents: number }>>();
function read(db: Db) {
  if (!inputs.has(db)) {
    inputs.set(db, (async () => ({
      events: (await db.rows("select * from green_profile_events order by renewal_id")) as ProfileEvent[],
      traits: await db.rows("select * from green_profile_traits order by position"),
      metrics: await db.rows("select * from green_profile_metrics order by position"),
      minEvents: Number((await db.one<{ n: number }>("select min_events as n from green_profile_settings"))!.n),
    }))());
  }
  return inputs.get(db)!;
}

const slice = {
  segment: { type: "string", nullable: true, doc: "account segment ('(none)' when missing); null = all segments" },
  period: { type: "string", nullable: true, doc: "renewal year (of renewal_date), e.g. '2025'; null = all years" },
} as const;

const share = (doc: string) => ({ type: "number", nullable: true, doc: `${doc}; null when there is nothing to divide by` }) as const;

export const greenProfile = defineDataset({
  name: "green-profile",
  title: "Green profile",
  doc: "What retained accounts had in common: each trait measured in a window ending on the renewal's lookback date (renewal_date − lookback), retention with and without it, the difference with a 95% Newcombe interval, and retention per metric cohort. Precomputed for every segment × renewal-year slice, so a page filters without recomputing intervals.",
  tables: {
    settings: {
      doc: "One row: the settings the profile was computed with, and which source tables were supplied (a trait whose table is missing is not measured).",
      sql: "select * from green_profile_settings",
      columns: {
        lookback_days: { type: "int", doc: "lookback L: every window ends on renewal_date − L" },
        license_utilization: { type: "number", doc: "utilization at or above which the license trait holds (0–1)" },
        feature_breadth: { type: "number", doc: "breadth at or above which the breadth trait holds (0–1)" },
        usage_drop: { type: "number", doc: "a fall of at least this share (90 days against the 90 before) is falling usage" },
        contacts_touched: { type: "int", doc: "distinct contacts touched that make an account multi-threaded" },
        single_thread_days: { type: "int", doc: "window for contacts touched, in days" },
        touched_days: { type: "int", doc: "window for 'touched recently', in days" },
        business_review_days: { type: "int", doc: "window for a business review, in days" },
        decision_maker_days: { type: "int", doc: "window for a decision-maker touch, in days" },
        promoter: { type: "int", doc: "latest NPS at or above this is a promoter" },
        detractor: { type: "int", doc: "latest NPS at or below this is a detractor" },
        first_value_days: { type: "int", doc: "first value within this many days of customer_since is fast" },
        min_events: { type: "int", doc: "renewals each side of a comparison needs for a verdict; also the smallest metric cohort" },
        usage_from: { type: "date", nullable: true, doc: "first day of usage data; a window starting earlier is not measured; null = no usage" },
        has_features: { type: "boolean", doc: "a features file was supplied" },
        has_sticky: { type: "boolean", doc: "some feature is marked sticky (else the sticky trait is not measured)" },
        has_contacts: { type: "boolean", doc: "contacts were supplied" },
        has_touches: { type: "boolean", doc: "touches were supplied" },
        has_tickets: { type: "boolean", doc: "tickets were supplied" },
        has_nps: { type: "boolean", doc: "NPS responses were supplied" },
        has_milestones: { type: "boolean", doc: "milestones were supplied" },
        has_licenses: { type: "boolean", doc: "some account has licenses > 0 (else utilization is not measured)" },
      },
    },
    traits: {
      doc: "The traits, in docs/metrics.md order, worded with the configured thresholds.",
      sql: "select * from green_profile_traits order by position",
      columns: {
        position: { type: "int", doc: "order in docs/metrics.md" },
        trait: { type: "string", doc: "key (a column of the green_profile_events mart)" },
        area: { type: "string", doc: "Usage, Relationship, Support, Sentiment or Onboarding" },
        label: { type: "string", doc: "short name, e.g. 'License utilization ≥ 60%'" },
        phrase: { type: "string", doc: "completes 'Accounts … renewed x% of the time'" },
        measured: { type: "string", doc: "how and over which window it is measured" },
        today_state: { type: "boolean", doc: "measured on today's data, not as of the lookback date (contacts carry no dates)" },
      },
    },
    slices: {
      doc: "Each slice of resolved renewals: all, one segment, one renewal year, or one segment in one year.",
      load: async (db) => slices((await read(db)).events).map((s) => {
        const retained = s.events.filter((e) => !e.is_churned).length;
        return {
          segment: s.segment, period: s.period, events: s.events.length, retained,
          retention: s.events.length ? retained / s.events.length : null,
          green_retained: s.events.filter((e) => e.color === "green" && !e.is_churned).length,
          red_events: s.events.filter((e) => e.color === "red").length,
        };
      }),
      columns: {
        ...slice,
        events: { type: "int", doc: "resolved renewal events" },
        retained: { type: "int", doc: "of them, not fully lost (logo retained)" },
        retention: share("logo retention rate: retained / events"),
        green_retained: { type: "int", doc: "retained events whose health color on the lookback date was green" },
        red_events: { type: "int", doc: "events red on the lookback date (whatever their outcome)" },
      },
    },
    comparisons: {
      doc: "Per slice and trait: retention with and without the trait, the difference with its 95% interval, the verdict and rank, and the trait's prevalence among green retained versus red renewals.",
      load: async (db) => {
        const { events, traits, minEvents } = await read(db);
        return slices(events).flatMap((s) => rankTraits(traits.map((t) => compareTrait(s.events, String(t.trait), minEvents)))
          .map((r) => ({ segment: s.segment, period: s.period, ...r })));
      },
      columns: {
        ...slice,
        trait: { type: "string", doc: "trait key (see traits)" },
        rank: { type: "int", doc: "1 = highest lower end of the interval; traits with too few events, then unmeasured ones, come last" },
        verdict: { type: "string", doc: "driver (interval above 0), no evidence (interval spans 0), warning sign (below 0), too few events (a side has fewer than min_events), not measured" },
        events: { type: "int", doc: "events in the slice whose trait was measured" },
        unmeasured: { type: "int", doc: "events left out: the trait could not be measured (source missing, no licenses, usage history too short)" },
        with_events: { type: "int", doc: "events with the trait" },
        with_retained: { type: "int", doc: "of them, retained" },
        without_events: { type: "int", doc: "events without it" },
        without_retained: { type: "int", doc: "of them, retained" },
        retention_with: share("with_retained / with_events"),
        retention_without: share("without_retained / without_events"),
        difference: share("retention_with − retention_without (a fraction: 0.134 = 13.4 points)"),
        ci_low: share("lower end of the 95% Newcombe hybrid score interval of the difference"),
        ci_high: share("upper end of that interval"),
        green_retained: { type: "int", doc: "retained events green on the lookback date (trait measured)" },
        green_retained_with: { type: "int", doc: "of them, with the trait" },
        prevalence_green: share("green_retained_with / green_retained"),
        red_events: { type: "int", doc: "events red on the lookback date (trait measured)" },
        red_with: { type: "int", doc: "of them, with the trait" },
        prevalence_red: share("red_with / red_events"),
      },
    },
    metrics: {
      doc: "The continuous measures behind the traits, cut into metric cohorts.",
      sql: "select * from green_profile_metrics order by position",
      columns: {
        position: { type: "int", doc: "display order" },
        metric: { type: "string", doc: "key (a column of the green_profile_events mart)" },
        label: { type: "string", doc: "name" },
        unit: { type: "string", doc: "share (0–1), ratio, count, days or score: how to format values" },
        measured: { type: "string", doc: "how it is measured" },
      },
    },
    cohorts: {
      doc: "Metric cohorts (Fighting Churn with Data): per slice and metric, renewals ordered by the metric and cut into up to ten equal-count cohorts (ties kept together, each at least min_events), with retention and its 95% Wilson interval. Renewals without a value are left out.",
      load: async (db) => {
        const { events, metrics, minEvents } = await read(db);
        return slices(events).flatMap((s) => metrics.flatMap((m) => cohortRows(s.events, String(m.metric), minEvents)
          .map((r) => ({ segment: s.segment, period: s.period, ...r }))));
      },
      columns: {
        ...slice,
        metric: { type: "string", doc: "metric key (see metrics)" },
        cohort: { type: "int", doc: "1 = lowest values" },
        events: { type: "int", doc: "renewals in the cohort" },
        retained: { type: "int", doc: "of them, retained" },
        retention: { type: "number", doc: "retained / events" },
        ci_low: { type: "number", doc: "lower end of the 95% Wilson interval of retention" },
        ci_high: { type: "number", doc: "upper end" },
        value_min: { type: "number", doc: "smallest metric value in the cohort" },
        value_max: { type: "number", doc: "largest" },
        value_mean: { type: "number", doc: "average (where the cohort is plotted)" },
      },
    },
  },
});
