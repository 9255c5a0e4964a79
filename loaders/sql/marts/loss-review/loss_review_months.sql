-- loss_review_months: each lost renewal's year before renewal, month by month (calendar months; the first and
-- last are partial, see days): touches by type, usage (events and distinct active users) and tickets opened.
with lost as (
    select * from int_lost_renewals
),

touches as (
    select * from stg_touches
),

tickets as (
    select * from stg_tickets
),

user_months as (
    select * from int_usage_user_months
),

account_days as (
    select * from int_usage_account_days
),

days as (
    -- every day of [window_start, renewal_date), to tell each month how much of it the window holds
    select l.renewal_id, l.account_id, unnest(generate_series(l.window_start, l.renewal_date - 1, interval 1 day))::date as day
    from lost as l
),

known_days as (
    select *
    from days
    where day <= getvariable('as_of')  -- an as-of date set in the past must not see later activity
),

months as (
    select renewal_id, account_id, date_trunc('month', day)::date as month, min(day) as first_day, max(day) as last_day, count(*) as days
    from known_days
    group by all
),

touch_counts as (
    select
        m.renewal_id,
        m.month,
        count(*) filter (where t.type = 'business_review') as business_reviews,
        count(*) filter (where t.type = 'meeting') as meetings,
        count(*) filter (where t.type = 'onsite') as onsites,
        count(*) filter (where t.type = 'call') as calls,
        count(*) filter (where t.type = 'email') as emails,
        count(*) filter (where t.type = 'other') as other_touches
    from months as m
    join touches as t
        on t.account_id = m.account_id
        and t.date between m.first_day and m.last_day  -- the month's days inside the window
    group by all
),

usage_events as (
    select
        m.renewal_id,
        m.month,
        sum(a.events) as usage_events
    from months as m
    join account_days as a
        on a.account_id = m.account_id
        and a.date between m.first_day and m.last_day
    group by all
),

usage_users as (
    select
        m.renewal_id,
        m.month,
        count(distinct u.user_key) as active_users
    from months as m
    join user_months as u
        on u.account_id = m.account_id
        and u.month = m.month
        and active_in(u.days, u.month, m.first_day - 1, m.last_day)  -- active on the month's days inside the window
    group by all
),

ticket_counts as (
    select
        m.renewal_id,
        m.month,
        count(*) as tickets,
        count(*) filter (where k.severity in ('high', 'urgent')) as high_tickets
    from months as m
    join tickets as k
        on k.account_id = m.account_id
        and k.opened_at between m.first_day and m.last_day
    group by all
),

final as (
    select
        m.renewal_id,
        strftime(m.month, '%Y-%m') as month,
        m.days,
        coalesce(t.business_reviews, 0) as business_reviews,
        coalesce(t.meetings, 0) as meetings,
        coalesce(t.onsites, 0) as onsites,
        coalesce(t.calls, 0) as calls,
        coalesce(t.emails, 0) as emails,
        coalesce(t.other_touches, 0) as other_touches,
        coalesce(e.usage_events, 0) as usage_events,
        coalesce(u.active_users, 0) as active_users,
        coalesce(k.tickets, 0) as tickets,
        coalesce(k.high_tickets, 0) as high_tickets
    from months as m
    left join touch_counts as t using (renewal_id, month)
    left join usage_events as e using (renewal_id, month)
    left join usage_users as u using (renewal_id, month)
    left join ticket_counts as k using (renewal_id, month)
)

select * from final
