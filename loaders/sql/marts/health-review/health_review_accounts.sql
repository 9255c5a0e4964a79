-- health_review_accounts: what the bi-weekly health review needs to know about every active account on the
-- as-of date: its hygiene (from relationship_accounts), how long it has been red and whether anyone touched it
-- since, its usage trend, seats in use, feature breadth, seats in use (90 days), open high/urgent tickets and the products it owns.
-- Windows of N days end on the as-of date and hold N days: (as_of − N, as_of], as on the Relationship page.
with hygiene as (
    select * from relationship_accounts
),

accounts as (
    select * from stg_accounts
),

runs as (
    select * from int_health_runs
),

touches as (
    select * from stg_touches
),

account_days as (
    select * from int_usage_account_days
),

user_months as (
    select * from int_usage_user_months
),

feature_days as (
    select * from int_usage_feature_days
),

catalog as (
    select * from stg_features
),

tickets as (
    select * from stg_tickets
),

events as (
    select * from int_renewal_events
),

lines as (
    select * from stg_renewals
),

red_runs as (
    -- the stretch of red in force on the as-of date (int_health_runs): its first day is "red since"
    select account_id, run_from as red_since
    from runs
    where color = 'red'
        and getvariable('as_of') >= run_from and getvariable('as_of') < run_to
),

touched_since_red as (
    select r.account_id, max(t.date) as last_touch_since_red
    from red_runs as r
    join touches as t
        on t.account_id = r.account_id
        and t.date >= r.red_since  -- a touch on the day it turned red is a response to it
        and t.date <= getvariable('as_of')  -- a later touch was not known on the as-of date
    group by r.account_id
),

usage_trend as (
    select
        account_id,
        coalesce(sum(events) filter (where date > getvariable('as_of') - 90), 0) as events_last_90,
        coalesce(sum(events) filter (where date <= getvariable('as_of') - 90), 0) as events_prior_90
    from account_days
    where date > getvariable('as_of') - 180 and date <= getvariable('as_of')  -- the two 90-day windows
    group by account_id
),

active_users as (
    select account_id, count(distinct user_key) as users_last_90
    from user_months
    where active_in(days, month, getvariable('as_of') - 90, getvariable('as_of'))  -- seats taken: anyone active in 90 days (the green profile's utilization)
    group by account_id
),

breadth as (
    select account_id, count(distinct feature) as features_used
    from feature_days
    where date > getvariable('as_of') - 90 and date <= getvariable('as_of')  -- breadth is read over 90 days
    group by account_id
),

features_seen as (
    -- the features file when there is one, else every feature anyone had used by the as-of date
    select case
        when (select count(*) from catalog) > 0 then (select count(*) from catalog)
        else (select count(distinct feature) from feature_days where date <= getvariable('as_of'))
    end as features_seen
),

open_tickets as (
    select account_id, count(*) as open_high_tickets
    from tickets
    where severity in ('high', 'urgent')  -- only these block an expansion conversation
        and opened_at <= getvariable('as_of')  -- opened by the as-of date
        and (closed_at is null or closed_at > getvariable('as_of'))  -- and still open on it
    group by account_id
),

contract as (
    -- the contract running now: the next open renewal's lines, else the latest resolved renewal's (as int_account_status)
    select
        account_id,
        coalesce(
            arg_min(renewal_id, renewal_date) filter (where not is_resolved),
            arg_max(renewal_id, renewal_date) filter (where is_resolved)
        ) as renewal_id
    from events
    group by account_id
),

owned as (
    select
        c.account_id,
        list(distinct l.product order by l.product) filter (
            where case when e.is_resolved then coalesce(l.arr_after, 0) > 0 else l.arr_before > 0 end  -- a line still paid for
        ) as products
    from contract as c
    join events as e using (renewal_id)
    join lines as l using (renewal_id)
    group by c.account_id
),

usage_known as (
    -- without any usage file every account would look idle: leave the usage figures unknown instead
    select count(*) > 0 as has_usage from account_days
),

final as (
    select
        h.account_id,
        h.account_name,
        h.segment,
        h.region,
        h.csm,
        h.current_arr,
        h.next_renewal_date,
        h.next_renewal_date - getvariable('as_of') as days_to_renewal,
        h.color,
        r.red_since,
        getvariable('as_of') - r.red_since as days_red,
        t.last_touch_since_red,
        h.last_touch,
        h.days_since_business_review,
        h.not_touched,
        h.no_business_review,
        h.single_threaded,
        h.no_exec_sponsor,
        a.licenses,
        case when k.has_usage then coalesce(u.events_last_90, 0) end as events_last_90,
        case when k.has_usage then coalesce(u.events_prior_90, 0) end as events_prior_90,
        case when k.has_usage and u.events_prior_90 > 0 then u.events_last_90 / u.events_prior_90 - 1 end as usage_change,
        case when k.has_usage then coalesce(au.users_last_90, 0) end as users_last_90,
        case when k.has_usage and a.licenses > 0 then coalesce(au.users_last_90, 0) / a.licenses end as utilization,
        case when k.has_usage then coalesce(b.features_used, 0) end as features_used,
        case when k.has_usage and fs.features_seen > 0 then coalesce(b.features_used, 0) / fs.features_seen end as feature_breadth,
        coalesce(o.open_high_tickets, 0) as open_high_tickets,
        coalesce(w.products, []) as products
    from hygiene as h
    cross join usage_known as k
    cross join features_seen as fs
    left join accounts as a using (account_id)
    left join red_runs as r using (account_id)
    left join touched_since_red as t using (account_id)
    left join usage_trend as u using (account_id)
    left join active_users as au using (account_id)
    left join breadth as b using (account_id)
    left join open_tickets as o using (account_id)
    left join owned as w using (account_id)
)

select * from final
