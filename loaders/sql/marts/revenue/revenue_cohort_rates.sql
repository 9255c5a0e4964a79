-- revenue_cohort_rates: the waterfall sums and every rate of docs/metrics.md § Revenue per cohort, for the whole
-- book (dimension 'all') and by each of segment, region and CSM on its own. A rate whose denominator is 0
-- is null (nullif), never 0 and never NaN.
-- Its rates are the formulas of FAMILIES.cohort in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with facts as (
    select * from revenue_cohort_facts
),

grouped as (
    select
        period_type,
        period,
        case
            when grouping(segment) = 0 then 'segment'
            when grouping(region) = 0 then 'region'
            when grouping(csm) = 0 then 'csm'
            else 'all'
        end as dimension,
        coalesce(segment, region, csm) as dimension_value,
        sum(events)::bigint as events,
        sum(starting)::decimal(18, 2) as starting,
        sum(resolved_events)::bigint as resolved_events,
        sum(resolved)::decimal(18, 2) as resolved,
        sum(churned_events)::bigint as churned_events,
        sum(full_loss)::decimal(18, 2) as full_loss,
        sum(partial_loss)::decimal(18, 2) as partial_loss,
        sum(retained)::decimal(18, 2) as retained,
        sum(upsell)::decimal(18, 2) as upsell,
        sum(cross_sell)::decimal(18, 2) as cross_sell,
        sum(ending)::decimal(18, 2) as ending,
        sum(unresolved_events)::bigint as unresolved_events,
        sum(unresolved_value)::decimal(18, 2) as unresolved_value,
        sum(overdue_events)::bigint as overdue_events,
        sum(overdue_value)::decimal(18, 2) as overdue_value,
        sum(rip_replace_events)::bigint as rip_replace_events,
        sum(rip_replace_loss)::decimal(18, 2) as rip_replace_loss,
        sum(rip_replace_cross_sell)::decimal(18, 2) as rip_replace_cross_sell
    from facts
    group by grouping sets ((period_type, period), (period_type, period, segment), (period_type, period, region), (period_type, period, csm))
),

final as (
    select
        *,
        resolved / nullif(starting, 0) as resolution_rate,
        retained / nullif(resolved, 0) as grr,
        (upsell + cross_sell) / nullif(resolved, 0) as expansion_rate,
        ending / nullif(resolved, 0) as nrr,
        (full_loss + partial_loss) / nullif(resolved, 0) as revenue_churn_rate,
        churned_events / nullif(resolved_events, 0) as logo_churn_rate,
        1 - churned_events / nullif(resolved_events, 0) as logo_retention_rate
    from grouped
)

select * from final
