-- renewal_verdicts: the renewal view's verdict (docs/metrics.md § Risk) at the configured lookback, per cohort of
-- resolved renewals (every one: 'all'; a renewal year: '2025'; a quarter: '2025-Q1'), for the whole book and
-- for each segment, region and CSM. A slice with no event scored at its lookback has "no health scores".
-- Its rates are the formulas of FAMILIES.renewal_view in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with colors as (
    select * from int_renewal_colors
),

at_lookback as (
    select *
    from colors
    where lookback_days = getvariable('lookback_days')  -- the verdict is the configured lookback's
),

cohorts as (
    select *, 'all' as cohort from at_lookback
    union all
    select *, renewal_year::varchar from at_lookback
    union all
    select *, renewal_quarter from at_lookback
),

sliced as (
    -- every event once per slice it belongs to: the whole book, its segment, its region, its CSM
    select *, 'all' as dimension, 'all' as dimension_value from cohorts
    union all
    select *, 'segment', segment from cohorts
    union all
    select *, 'region', region from cohorts
    union all
    select *, 'csm', csm from cohorts
),

counted as (
    select
        cohort,
        dimension,
        dimension_value,
        count(*)::integer as events,
        count(*) filter (where color = 'red')::integer as red_events,
        count(*) filter (where color <> 'unscored')::integer as scored_events,
        sum(arr_before) as arr,
        coalesce(sum(arr_before) filter (where color = 'red'), 0) as red_arr,
        sum(lost_arr) as lost_arr,
        count(*) filter (where is_churned)::integer as churned,
        count(*) filter (where is_churned and color = 'red')::integer as churned_red
    from sliced
    group by all
),

rated as (
    select
        *,
        case when scored_events > 0 then red_events / events end as red_share,
        case when scored_events > 0 and arr > 0 then red_arr::double / arr::double end as red_share_arr,
        churned / events as logo_churn_rate,
        case when arr > 0 then lost_arr::double / arr::double end as revenue_churn_rate,
        case when scored_events > 0 and churned > 0 then churned_red / churned end as flagged_churn,
        case when red_events > 0 then churned_red / red_events end as precision
    from counted
),

final as (
    select
        cohort,
        dimension,
        dimension_value,
        events,
        red_events,
        red_share,
        red_share_arr,
        churned,
        churned_red,
        logo_churn_rate,
        revenue_churn_rate,
        flagged_churn,
        1 - flagged_churn as missed_churn,
        precision,
        red_pie_verdict(scored_events > 0, red_share, logo_churn_rate, flagged_churn, getvariable('risk_missed_churn_limit')) as verdict
    from rated
)

select * from final
