-- loss_review_roles: who we talked to in the year before each lost renewal, by role only (no names, titles or
-- ids): decision makers, practitioners, the executive sponsor (also counted among decision makers), and touches
-- that named no contact. Contacts carry no dates, so "on file" is the contact list as it stands today.
with lost as (
    select * from int_lost_renewals
),

touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

roles as (
    select * from (values
        (1, 'executive sponsor'),
        (2, 'decision maker'),
        (3, 'practitioner'),
        (4, 'no contact named')
    ) as r(role_order, role)
),

on_file as (
    select l.renewal_id, c.contact_id, c.role as contact_role, c.is_exec_sponsor
    from lost as l
    join contacts as c using (account_id)
),

touched as (
    select l.renewal_id, t.contact_id, t.date, c.role as contact_role, coalesce(c.is_exec_sponsor, false) as is_exec_sponsor
    from lost as l
    join touches as t
        on t.account_id = l.account_id
        and t.date >= l.window_start and t.date < l.renewal_date  -- the year before renewal
        and t.date <= getvariable('as_of')  -- an as-of date set in the past must not see later touches
    left join contacts as c using (contact_id)
),

role_of as (
    -- one contact may sit in two rows (a sponsor is also a decision maker)
    select renewal_id, contact_id, date, 'executive sponsor' as role from touched where is_exec_sponsor
    union all
    select renewal_id, contact_id, date, 'decision maker' from touched where contact_role = 'decision_maker'
    union all
    select renewal_id, contact_id, date, 'practitioner' from touched where contact_role = 'practitioner'
    union all
    select renewal_id, contact_id, date, 'no contact named' from touched where contact_id is null
),

file_of as (
    select renewal_id, contact_id, 'executive sponsor' as role from on_file where is_exec_sponsor
    union all
    select renewal_id, contact_id, 'decision maker' from on_file where contact_role = 'decision_maker'
    union all
    select renewal_id, contact_id, 'practitioner' from on_file where contact_role = 'practitioner'
),

file_counts as (
    select renewal_id, role, count(*) as contacts_on_file
    from file_of
    group by all
),

touch_counts as (
    select renewal_id, role, count(distinct contact_id) as contacts_touched, count(*) as touches, max(date) as last_touch
    from role_of
    group by all
),

final as (
    select
        l.renewal_id,
        r.role_order,
        r.role,
        case when r.role = 'no contact named' then null else coalesce(f.contacts_on_file, 0) end as contacts_on_file,
        case when r.role = 'no contact named' then null else coalesce(t.contacts_touched, 0) end as contacts_touched,
        coalesce(t.touches, 0) as touches,
        t.last_touch
    from lost as l
    cross join roles as r
    left join file_counts as f on f.renewal_id = l.renewal_id and f.role = r.role
    left join touch_counts as t on t.renewal_id = l.renewal_id and t.role = r.role
)

select * from final
