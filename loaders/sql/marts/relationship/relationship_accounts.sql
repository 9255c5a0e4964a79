-- relationship_accounts: base hygiene of every active account on the as-of date (docs/metrics.md § Relationship).
-- Windows of N days end on the as-of date and hold N days: (as_of − N, as_of]. A touch exactly 30 days ago is
-- therefore outside "the last 30 days", and a business review on the as-of date is 0 days old.
with accounts as (
    select * from stg_accounts
),

owners as (
    select * from int_account_owners
),

status as (
    select * from int_account_status
),

touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

intervals as (
    select * from int_health_intervals
),

active as (
    select
        a.account_id,
        a.account_name,
        o.segment,
        o.region,
        a.csm,
        a.customer_since,
        s.current_arr,
        s.next_renewal_date
    from accounts as a
    join owners as o using (account_id)
    join status as s using (account_id)
    where s.is_active  -- hygiene is about the accounts still in the book
),

known_touches as (
    select t.account_id, t.date, t.type, t.contact_id, c.role
    from touches as t
    left join contacts as c using (contact_id)
    where t.date <= getvariable('as_of')  -- an as-of date set in the past must not see later touches
),

touch_facts as (
    select
        account_id,
        max(date) as last_touch,
        count(*) filter (where date > getvariable('as_of') - getvariable('touched_days')) as recent_touches,
        max(date) filter (where type = 'business_review') as last_business_review,
        count(distinct contact_id) filter (where date > getvariable('as_of') - getvariable('single_thread_days')) as contacts_touched,
        count(*) filter (where role = 'decision_maker' and date > getvariable('as_of') - getvariable('decision_maker_days')) as decision_maker_touches
    from known_touches
    group by account_id
),

contact_facts as (
    select * from int_account_contacts
),

checked as (
    select
        a.*,
        f.last_touch,
        coalesce(f.recent_touches, 0) as recent_touches,
        f.last_business_review,
        getvariable('as_of') - f.last_business_review as days_since_business_review,
        coalesce(f.contacts_touched, 0) as contacts_touched,
        coalesce(c.contacts, 0) as contacts,
        coalesce(c.decision_makers, 0) as decision_makers,
        coalesce(f.decision_maker_touches, 0) as decision_maker_touches,
        coalesce(f.recent_touches, 0) = 0 as not_touched,
        coalesce(getvariable('as_of') - f.last_business_review >= getvariable('business_review_days'), true) as no_business_review,
        coalesce(f.contacts_touched, 0) <= 1 as single_threaded,
        not coalesce(c.has_exec_sponsor, false) as no_exec_sponsor,
        coalesce(f.decision_maker_touches, 0) = 0 as no_decision_maker
    from active as a
    left join touch_facts as f using (account_id)
    left join contact_facts as c using (account_id)
),

final as (
    select
        c.*,
        not_touched::integer + no_business_review::integer + single_threaded::integer
            + no_exec_sponsor::integer + no_decision_maker::integer as checks_failed,
        coalesce(i.color, 'unscored') as color
    from checked as c
    left join intervals as i
        on i.account_id = c.account_id
        and getvariable('as_of') >= i.valid_from  -- the color in force on the as-of date
        and getvariable('as_of') < i.valid_to
)

select * from final
