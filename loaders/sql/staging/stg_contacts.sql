-- stg_contacts: one row per contact.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_contacts
),

rejected as (
    select distinct rec from _rej_contacts
),

cleaned as (
    select
        txt(contact_id) as contact_id,
        txt(account_id) as account_id,
        to_enum(role) as role,
        coalesce(to_bool(is_exec_sponsor), false) as is_exec_sponsor,
        txt(title) as title
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
