-- revenue_cohort_facts: the additive parts of the renewal waterfall per cohort (year and quarter of
-- renewal_date) × segment × region × CSM. Every rate is a ratio of these sums, so any filter on the page
-- is a sum of rows followed by the same ratios as revenue_cohort_rates.
with events as (
    select * from int_renewal_events_owned
),

cohorts as (
    select 'year' as period_type, renewal_year::varchar as period, * from events
    union all
    select 'quarter' as period_type, renewal_quarter as period, * from events
),

facts as (
    select
        period_type,
        period,
        segment,
        region,
        csm,
        count(*) as events,
        sum(arr_before)::decimal(18, 2) as starting,
        count(*) filter (where is_resolved) as resolved_events,
        sum(resolved_value)::decimal(18, 2) as resolved,
        count(*) filter (where is_churned) as churned_events,
        sum(full_loss)::decimal(18, 2) as full_loss,
        sum(partial_loss)::decimal(18, 2) as partial_loss,
        sum(retained)::decimal(18, 2) as retained,
        sum(upsell)::decimal(18, 2) as upsell,
        sum(cross_sell)::decimal(18, 2) as cross_sell,
        sum(ending)::decimal(18, 2) as ending,
        count(*) filter (where not is_resolved) as unresolved_events,
        coalesce(sum(arr_before) filter (where not is_resolved), 0)::decimal(18, 2) as unresolved_value,
        count(*) filter (where is_overdue) as overdue_events,
        coalesce(sum(arr_before) filter (where is_overdue), 0)::decimal(18, 2) as overdue_value,
        count(*) filter (where is_rip_and_replace) as rip_replace_events,
        coalesce(sum(partial_loss) filter (where is_rip_and_replace), 0)::decimal(18, 2) as rip_replace_loss,
        coalesce(sum(cross_sell) filter (where is_rip_and_replace), 0)::decimal(18, 2) as rip_replace_cross_sell
    from cohorts
    group by period_type, period, segment, region, csm
),

final as (
    select * from facts
)

select * from final
