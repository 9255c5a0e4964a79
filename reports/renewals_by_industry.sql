-- renewals_by_industry: gross retention (GRR) and logo churn of the renewals resolved in each of the last
-- two years before the as-of date, by the account's industry. An example of an analyst's own report: it
-- reads staged tables by name (docs/tables.md lists them) and the report date with getvariable('as_of').
with events as (
    select * from int_renewal_events
),

accounts as (
    select * from stg_accounts
),

resolved as (
    select
        coalesce(a.industry, '(none)') as industry,
        year(e.renewal_date) as renewal_year,
        e.is_churned,
        e.resolved_value,
        e.retained
    from events as e
    left join accounts as a using (account_id)
    where e.is_resolved  -- an outcome counts once it is settled
        and year(e.renewal_date) >= year(getvariable('as_of')) - 1  -- the last two renewal years
),

final as (
    select
        industry,
        renewal_year,
        count(*) as renewals,
        count(*) filter (where is_churned) as churned,
        sum(resolved_value) as resolved_arr,
        sum(retained) as retained_arr,
        sum(retained) / nullif(sum(resolved_value), 0) as grr,
        count(*) filter (where is_churned) / count(*) as logo_churn_rate
    from resolved
    group by industry, renewal_year
)

select * from final
order by renewal_year desc, resolved_arr desc
