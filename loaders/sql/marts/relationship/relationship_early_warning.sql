-- relationship_early_warning: open renewals due 270–365 days after the as-of date (thresholds
-- early_warning_from_days / early_warning_to_days, both ends included), with the two warning signs of
-- docs/metrics.md § Relationship: usage in the last 90 days down by a third or more against the 90 days before,
-- and license utilization (distinct active users in the last 30 days / licenses) below 40%.
-- Ratios are compared to 9 decimals, so a drop of exactly a third meets the default threshold of 1/3.
with events as (
    select * from int_renewal_events
),

status as (
    select * from int_account_status
),

accounts as (
    select * from stg_accounts
),

owners as (
    select * from int_account_owners
),

account_days as (
    select * from int_usage_account_days
),

user_months as (
    select * from int_usage_user_months
),

intervals as (
    select * from int_health_intervals
),

due as (
    select e.renewal_id, e.account_id, e.renewal_date, e.arr_before
    from events as e
    join status as s using (account_id)
    where not e.is_resolved  -- a settled renewal is no longer at stake
        and s.is_active  -- a lost account has nothing left to save
        and e.renewal_date between getvariable('as_of') + getvariable('early_warning_from_days')
            and getvariable('as_of') + getvariable('early_warning_to_days')  -- the 9–12 month horizon
),

usage_trend as (
    select
        account_id,
        coalesce(sum(events) filter (where date > getvariable('as_of') - 90), 0) as events_last_90,
        coalesce(sum(events) filter (where date <= getvariable('as_of') - 90), 0) as events_prior_90
    from account_days
    where date > getvariable('as_of') - 180 and date <= getvariable('as_of')  -- the two 90-day windows
        and account_id in (select account_id from due)  -- only the accounts on the list
    group by account_id
),

active_users as (
    select account_id, count(distinct user_key) as users_last_30
    from user_months
    where active_in(days, month, getvariable('as_of') - 30, getvariable('as_of'))  -- utilization is read over 30 days
        and account_id in (select account_id from due)
    group by account_id
),

usage_known as (
    -- without any usage file every account would look idle: leave the usage signs unknown instead
    select count(*) > 0 as has_usage from account_days
),

measured as (
    select
        d.*,
        a.account_name,
        o.segment,
        o.region,
        a.csm,
        a.licenses,
        d.renewal_date - getvariable('as_of') as days_to_renewal,
        case when k.has_usage then coalesce(t.events_last_90, 0) end as events_last_90,
        case when k.has_usage then coalesce(t.events_prior_90, 0) end as events_prior_90,
        case when k.has_usage then coalesce(u.users_last_30, 0) end as users_last_30
    from due as d
    cross join usage_known as k
    left join accounts as a using (account_id)
    left join owners as o using (account_id)
    left join usage_trend as t using (account_id)
    left join active_users as u using (account_id)
),

rated as (
    select
        *,
        case when events_prior_90 > 0 then events_last_90 / events_prior_90 - 1 end as usage_change,
        case when licenses > 0 then users_last_30 / licenses end as utilization
    from measured
),

flagged as (
    select
        *,
        coalesce(round(-usage_change, 9) >= round(getvariable('usage_drop'), 9), false) as usage_dropped,
        coalesce(round(utilization, 9) < round(getvariable('early_warning_utilization'), 9), false) as low_utilization
    from rated
),

final as (
    select
        f.renewal_id,
        f.account_id,
        f.account_name,
        f.segment,
        f.region,
        f.csm,
        f.renewal_date,
        f.days_to_renewal,
        f.arr_before as arr_at_stake,
        f.licenses,
        f.events_last_90,
        f.events_prior_90,
        f.usage_change,
        f.users_last_30,
        f.utilization,
        f.usage_dropped,
        f.low_utilization,
        f.usage_dropped or f.low_utilization as warned,
        coalesce(i.color, 'unscored') as color
    from flagged as f
    left join intervals as i
        on i.account_id = f.account_id
        and getvariable('as_of') >= i.valid_from  -- the color in force on the as-of date
        and getvariable('as_of') < i.valid_to
)

select * from final
