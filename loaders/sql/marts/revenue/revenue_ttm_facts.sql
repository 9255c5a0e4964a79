-- revenue_ttm_facts: on each month end m, the waterfall sums over renewal events resolved in (m − 365 days, m],
-- per segment × region × CSM, so a filtered TTM series is a sum of rows.
with months as (
    select * from revenue_ttm_months
),

events as (
    select * from int_renewal_events_owned
    where is_resolved  -- TTM counts settled outcomes only
),

windowed as (
    select m.month_end, e.*
    from months as m
    join events as e
        on e.resolved_date > m.month_end - 365  -- (m − 365, m]: the trailing twelve months
        and e.resolved_date <= m.month_end
),

facts as (
    select
        month_end,
        segment,
        region,
        csm,
        count(*) as resolved_events,
        sum(resolved_value)::decimal(18, 2) as resolved,
        count(*) filter (where is_churned) as churned_events,
        sum(full_loss)::decimal(18, 2) as full_loss,
        sum(partial_loss)::decimal(18, 2) as partial_loss,
        sum(retained)::decimal(18, 2) as retained,
        sum(ending)::decimal(18, 2) as ending
    from windowed
    group by month_end, segment, region, csm
),

final as (
    select * from facts
)

select * from final
