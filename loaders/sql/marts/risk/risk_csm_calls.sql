-- risk_csm_calls: per lookback and CSM over every resolved renewal, red share against logo churn, and the
-- under-calling flag (docs/metrics.md § Risk, Per CSM). The page recomputes the same under its filters.
-- Its rates are the formulas of FAMILIES.renewal_view in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with colors as (
    select * from int_renewal_colors
),

counted as (
    select
        lookback_days,
        csm,
        count(*) as events,
        count(*) filter (where color = 'red') as red_events,
        count(*) filter (where color <> 'unscored') as scored_events,
        count(*) filter (where is_churned) as churned,
        count(*) filter (where is_churned and color = 'red') as churned_red
    from colors
    group by all
),

final as (
    select
        * exclude (scored_events),
        case when scored_events > 0 then red_events / events end as red_share,  -- never scored: no red share, not 0
        churned / events as logo_churn_rate,
        csm <> '(none)'  -- a flag is about a person (int_account_owners names a missing CSM '(none)')
            and events >= getvariable('under_call_min_events')  -- too few renewals say nothing about a CSM
            and scored_events > 0  -- "no health scores" is never under-calling
            and red_events / events < churned / events as under_calling
    from counted
)

select * from final
