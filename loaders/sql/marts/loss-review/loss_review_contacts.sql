-- loss_review_contacts: contact by contact, who was on file and touched in the year before each lost renewal.
-- Contact-level data: rows exist only when the config sets publishContacts to true; otherwise the table is
-- empty and the loss review shows roles only (loss_review_roles).
with lost as (
    select * from int_lost_renewals
),

touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

people as (
    select l.renewal_id, l.account_id, l.window_start, l.renewal_date, c.contact_id, c.title, c.role, c.is_exec_sponsor
    from lost as l
    join contacts as c using (account_id)
    where getvariable('publish_contacts')  -- privacy: contact-level rows only when the config allows them
),

final as (
    select
        p.renewal_id,
        p.contact_id,
        p.title,
        p.role,
        p.is_exec_sponsor,
        count(t.date) as touches,
        max(t.date) as last_touch
    from people as p
    left join touches as t
        on t.contact_id = p.contact_id
        and t.account_id = p.account_id
        and t.date >= p.window_start and t.date < p.renewal_date  -- the year before renewal
        and t.date <= getvariable('as_of')  -- an as-of date set in the past must not see later touches
    group by all
)

select * from final
