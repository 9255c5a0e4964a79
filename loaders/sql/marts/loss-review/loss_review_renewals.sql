-- loss_review_renewals: one row per lost renewal, the header and summary of its loss-review panel. Everything is
-- read over the year before the renewal date, [renewal_date − 365, renewal_date): touches and business reviews,
-- contacts engaged by role, usage trend (the last 90 days before renewal_date against the 90 before them),
-- tickets, the color at the lookback and the first day it was red (as in risk_lead_times).
with lost as (
    select * from int_lost_renewals
),

intervals as (
    select * from int_health_intervals
),

touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

tickets as (
    select * from stg_tickets
),

account_days as (
    select * from int_usage_account_days
),

first_red as (
    select
        l.renewal_id,
        min(greatest(i.valid_from, l.window_start)) as first_red_day
    from lost as l
    join intervals as i
        on i.account_id = l.account_id
        and i.color = 'red'
        and i.valid_from < l.renewal_date  -- red on some day of the year before renewal
        and i.valid_to > l.window_start
    group by l.renewal_id
),

lookback_color as (
    select l.renewal_id, i.color
    from lost as l
    join intervals as i
        on i.account_id = l.account_id
        and l.renewal_date - getvariable('lookback_days') >= i.valid_from  -- the color a dashboard showed then
        and l.renewal_date - getvariable('lookback_days') < i.valid_to
),

touch_facts as (
    select
        l.renewal_id,
        count(*) as touches,
        count(*) filter (where t.type = 'business_review') as business_reviews,
        max(t.date) as last_touch,
        max(t.date) filter (where t.type = 'business_review') as last_business_review,
        count(distinct t.contact_id) as contacts_touched,
        count(distinct t.contact_id) filter (where c.role = 'decision_maker') as decision_makers_touched,
        coalesce(bool_or(c.is_exec_sponsor), false) as exec_sponsor_touched,
        max(t.date) filter (where c.role = 'decision_maker') as last_decision_maker_touch
    from lost as l
    join touches as t
        on t.account_id = l.account_id
        and t.date >= l.window_start and t.date < l.renewal_date  -- the year before renewal
        and t.date <= getvariable('as_of')  -- an as-of date set in the past must not see later touches
    left join contacts as c using (contact_id)
    group by l.renewal_id
),

contact_facts as (
    -- contacts carry no dates: this is the contact list as it stands today
    select * from int_account_contacts
),

usage_facts as (
    select
        l.renewal_id,
        sum(d.events) filter (where d.date >= l.renewal_date - 90) as events_last_90,
        sum(d.events) filter (where d.date < l.renewal_date - 90) as events_prior_90
    from lost as l
    join account_days as d
        on d.account_id = l.account_id
        and d.date >= l.renewal_date - 180 and d.date < l.renewal_date  -- the two 90-day windows before renewal
        and d.date <= getvariable('as_of')  -- nor later usage
    group by l.renewal_id
),

ticket_facts as (
    select
        l.renewal_id,
        count(*) filter (where k.opened_at >= l.window_start) as tickets,
        count(*) filter (where k.opened_at >= l.window_start and k.severity in ('high', 'urgent')) as high_tickets,
        count(*) filter (where k.closed_at is null or k.closed_at >= l.renewal_date or k.closed_at > getvariable('as_of')) as open_tickets
    from lost as l
    join tickets as k
        on k.account_id = l.account_id
        and k.opened_at < l.renewal_date  -- opened before the renewal (open ones may predate the year)
        and k.opened_at <= getvariable('as_of')  -- nor later tickets
    group by l.renewal_id
),

final as (
    select
        l.*,
        strftime(l.resolved_date, '%Y-%m') as resolved_month,
        l.renewal_date - l.customer_since as tenure_days,
        coalesce(c.color, 'unscored') as lookback_color,
        r.first_red_day,
        l.renewal_date - r.first_red_day as lead_days,
        coalesce(t.touches, 0) as touches,
        coalesce(t.business_reviews, 0) as business_reviews,
        t.last_touch,
        t.last_business_review,
        coalesce(t.contacts_touched, 0) as contacts_touched,
        coalesce(t.decision_makers_touched, 0) as decision_makers_touched,
        coalesce(t.exec_sponsor_touched, false) as exec_sponsor_touched,
        t.last_decision_maker_touch,
        coalesce(f.contacts, 0) as contacts,
        coalesce(f.decision_makers, 0) as decision_makers,
        coalesce(f.has_exec_sponsor, false) as has_exec_sponsor,
        coalesce(u.events_last_90, 0) as events_last_90,
        coalesce(u.events_prior_90, 0) as events_prior_90,
        case when u.events_prior_90 > 0 then coalesce(u.events_last_90, 0) / u.events_prior_90 - 1 end as usage_change,
        coalesce(k.tickets, 0) as tickets,
        coalesce(k.high_tickets, 0) as high_tickets,
        coalesce(k.open_tickets, 0) as open_tickets
    from lost as l
    left join lookback_color as c using (renewal_id)
    left join first_red as r using (renewal_id)
    left join touch_facts as t using (renewal_id)
    left join contact_facts as f using (account_id)
    left join usage_facts as u using (renewal_id)
    left join ticket_facts as k using (renewal_id)
)

select * from final
