-- book_verdicts: the book view's verdict (docs/metrics.md § Risk) on the first day d of each quarter, for the whole
-- book and for each segment, region and CSM: the red share of the accounts active on d against the churn of
-- their renewals due in [d, d + 365), flagged and missed churn, and one of four verdicts in fixed words.
-- A slice with no account scored on d has "no health scores": its red share is null, never 0.
-- Its rates are the formulas of FAMILIES.book_view in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with counts as (
    select * from risk_book_counts
),

groups as (
    select distinct group_id, segment, region, csm from int_account_groups
),

sliced as (
    -- every count row once per slice it belongs to: the whole book, its segment, its region, its CSM
    select c.*, 'all' as dimension, 'all' as dimension_value from counts as c
    union all
    select c.*, 'segment', g.segment from counts as c join groups as g using (group_id)
    union all
    select c.*, 'region', g.region from counts as c join groups as g using (group_id)
    union all
    select c.*, 'csm', g.csm from counts as c join groups as g using (group_id)
),

counted as (
    select
        quarter_start,
        dimension,
        dimension_value,
        quarter_start + 365 <= getvariable('as_of') as closed,  -- the year that followed d is over
        sum(accounts)::integer as active_accounts,
        coalesce(sum(accounts) filter (where color = 'red'), 0)::integer as red_accounts,
        coalesce(sum(accounts) filter (where color <> 'unscored'), 0)::integer as scored_accounts,
        sum(arr) as active_arr,
        coalesce(sum(arr) filter (where color = 'red'), 0) as red_arr,
        sum(events)::integer as resolved,
        sum(churned)::integer as churned,
        coalesce(sum(churned) filter (where color = 'red'), 0)::integer as churned_red
    from sliced
    group by all
),

rated as (
    select
        *,
        case when scored_accounts > 0 then red_accounts / active_accounts end as red_share,
        case when scored_accounts > 0 and active_arr > 0 then red_arr::double / active_arr::double end as red_share_arr,
        case when resolved > 0 then churned / resolved end as logo_churn_rate,
        case when scored_accounts > 0 and churned > 0 then churned_red / churned end as flagged_churn
    from counted
),

final as (
    select
        quarter_start,
        dimension,
        dimension_value,
        closed,
        active_accounts,
        red_accounts,
        red_share,
        red_share_arr,
        resolved,
        churned,
        churned_red,
        logo_churn_rate,
        flagged_churn,
        1 - flagged_churn as missed_churn,
        case
            when closed  -- the year that followed is over; before that, no verdict yet
            -- no renewal came up (resolved = 0): logo_churn_rate is null, nothing to compare the pie with
            then red_pie_verdict(scored_accounts > 0, red_share, logo_churn_rate, flagged_churn, getvariable('risk_missed_churn_limit'))
        end as verdict
    from rated
)

select * from final
