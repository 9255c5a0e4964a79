-- account_roles: each account's contacts by role as they stand today (contacts carry no dates), with the touches
-- naming them in the 365 days ending on the as-of date. Roles only: no names, titles or contact ids. An executive
-- sponsor is counted in their own role too.
with contacts as (
    select * from stg_contacts
),

touches as (
    select * from stg_touches
),

roles as (
    select account_id, contact_id, replace(role, '_', ' ') as role, 2 as role_order from contacts
    union all
    select account_id, contact_id, 'executive sponsor', 1 from contacts
    where is_exec_sponsor  -- sponsors also get a row of their own
),

recent as (
    select account_id, contact_id, date
    from touches
    where date > getvariable('as_of') - 365 and date <= getvariable('as_of')  -- the 365 days ending on the as-of date
        and contact_id is not null  -- a touch naming no contact engages no role
),

final as (
    select
        r.account_id,
        r.role,
        min(r.role_order) as role_order,
        count(distinct r.contact_id) as contacts,
        count(distinct t.contact_id) as contacts_touched,
        count(t.date) as touches,
        max(t.date) as last_touch
    from roles as r
    left join recent as t using (account_id, contact_id)
    group by r.account_id, r.role
)

select * from final
