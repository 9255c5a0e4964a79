-- revenue_ttm_rates: the TTM series (docs/metrics.md § Revenue) for the whole book and by each of segment, region
-- and CSM on its own. The whole-book slice lists every month end, even one whose window resolved nothing.
-- Its rates are the formulas of FAMILIES.ttm in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with months as (
    select * from revenue_ttm_months
),

facts as (
    select * from revenue_ttm_facts
),

grouped as (
    select
        month_end,
        case
            when grouping(segment) = 0 then 'segment'
            when grouping(region) = 0 then 'region'
            when grouping(csm) = 0 then 'csm'
            else 'all'
        end as dimension,
        coalesce(segment, region, csm) as dimension_value,
        sum(resolved_events)::bigint as resolved_events,
        sum(resolved)::decimal(18, 2) as resolved,
        sum(churned_events)::bigint as churned_events,
        sum(full_loss)::decimal(18, 2) as full_loss,
        sum(partial_loss)::decimal(18, 2) as partial_loss,
        sum(retained)::decimal(18, 2) as retained,
        sum(ending)::decimal(18, 2) as ending
    from facts
    group by grouping sets ((month_end), (month_end, segment), (month_end, region), (month_end, csm))
),

whole_book as (
    -- every month end, so the series has no hole where a window resolved nothing
    select
        m.month_end,
        'all' as dimension,
        null::varchar as dimension_value,
        coalesce(g.resolved_events, 0)::bigint as resolved_events,
        coalesce(g.resolved, 0)::decimal(18, 2) as resolved,
        coalesce(g.churned_events, 0)::bigint as churned_events,
        coalesce(g.full_loss, 0)::decimal(18, 2) as full_loss,
        coalesce(g.partial_loss, 0)::decimal(18, 2) as partial_loss,
        coalesce(g.retained, 0)::decimal(18, 2) as retained,
        coalesce(g.ending, 0)::decimal(18, 2) as ending
    from months as m
    left join grouped as g
        on g.month_end = m.month_end
        and g.dimension = 'all'  -- the slices by segment, region and CSM follow below as they are
),

slices as (
    select * from whole_book
    union all
    select * from grouped
    where dimension <> 'all'  -- already in whole_book
),

final as (
    select
        m.month_end,
        m.full_window,
        s.* exclude (month_end),
        s.retained / nullif(s.resolved, 0) as grr,
        s.ending / nullif(s.resolved, 0) as nrr,
        (s.full_loss + s.partial_loss) / nullif(s.resolved, 0) as revenue_churn_rate,
        s.churned_events / nullif(s.resolved_events, 0) as logo_churn_rate
    from slices as s
    join months as m using (month_end)
)

select * from final
