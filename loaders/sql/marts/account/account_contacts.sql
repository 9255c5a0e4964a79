-- account_contacts: contact by contact, each account's contacts today with their touches in the 365 days ending on
-- the as-of date. Contact-level data: rows exist only when the config sets publishContacts to true.
with contacts as (
    select * from stg_contacts
),

touches as (
    select * from stg_touches
),

people as (
    select *
    from contacts
    where getvariable('publish_contacts')  -- privacy: contact-level rows only when the config allows them
),

final as (
    select
        p.account_id,
        p.contact_id,
        p.title,
        p.role,
        p.is_exec_sponsor,
        count(t.date) as touches,
        max(t.date) as last_touch
    from people as p
    left join touches as t
        on t.account_id = p.account_id
        and t.contact_id = p.contact_id
        and t.date > getvariable('as_of') - 365 and t.date <= getvariable('as_of')  -- the 365 days ending on the as-of date
    group by all
)

select * from final
