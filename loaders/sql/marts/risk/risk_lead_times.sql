-- risk_lead_times: for each churned renewal, how many days before renewal_date the account first turned red
-- within the 365 days before it (null: never red in that year), counted per cohort quarter and account group.
with events as (
    select * from int_renewal_events
),

groups as (
    select * from int_account_groups
),

intervals as (
    select * from int_health_intervals
),

churned as (
    select renewal_id, account_id, renewal_date, renewal_quarter, arr_before
    from events
    where is_churned  -- lead time is asked of the renewals that were lost
),

first_red as (
    select
        c.renewal_id,
        min(greatest(i.valid_from, c.renewal_date - 365)) as first_red_day
    from churned as c
    join intervals as i
        on i.account_id = c.account_id
        and i.color = 'red'
        and i.valid_from < c.renewal_date          -- red on some day of [renewal_date − 365, renewal_date)
        and i.valid_to > c.renewal_date - 365
    group by c.renewal_id
),

final as (
    select
        c.renewal_quarter,
        g.group_id,
        c.renewal_date - r.first_red_day as lead_days,
        count(*) as events,
        sum(c.arr_before)::decimal(18, 2) as arr
    from churned as c
    join groups as g using (account_id)
    left join first_red as r using (renewal_id)
    group by all
)

select * from final
