-- int_green_profile_touches: per resolved renewal event, the relationship as it stood on its lookback date L:
-- the latest touch, business review and decision-maker touch on or before L, the distinct contacts touched
-- in the single-thread window ending on L, and whether the account has an executive sponsor. Contacts carry
-- no dates, so the sponsor and each contact's role are today's state (the page says so).
with renewals as (
    select renewal_id, account_id, lookback_date from int_green_profile_renewals
),

touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

sponsors as (
    select account_id, has_exec_sponsor from int_account_contacts
),

known_touches as (
    select
        r.renewal_id,
        r.lookback_date,
        t.date,
        t.type,
        t.contact_id,
        c.role
    from renewals as r
    join touches as t
        on t.account_id = r.account_id
        and t.date <= r.lookback_date  -- a touch after L was not known on L
    left join contacts as c using (contact_id)
),

per_renewal as (
    select
        renewal_id,
        max(date) as last_touch,
        max(date) filter (where type = 'business_review') as last_review,
        max(date) filter (where role = 'decision_maker') as last_decision_maker_touch,
        count(distinct contact_id) filter (
            where date > lookback_date - getvariable('single_thread_days')  -- the window ending on L
        ) as contacts_touched
    from known_touches
    group by renewal_id
),

final as (
    select
        r.renewal_id,
        r.lookback_date - p.last_touch as days_since_touch,
        r.lookback_date - p.last_review as days_since_review,
        r.lookback_date - p.last_decision_maker_touch as days_since_decision_maker,
        coalesce(p.contacts_touched, 0) as contacts_touched,
        coalesce(s.has_exec_sponsor, false) as has_exec_sponsor
    from renewals as r
    left join per_renewal as p using (renewal_id)
    left join sponsors as s using (account_id)
)

select * from final
