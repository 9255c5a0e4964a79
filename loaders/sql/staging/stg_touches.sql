-- stg_touches: one row per CS activity.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_touches
),

rejected as (
    select distinct rec from _rej_touches
),

cleaned as (
    select
        txt(account_id) as account_id,
        to_date(date) as date,
        to_enum(type) as type,
        txt(contact_id) as contact_id,
        txt(csm) as csm
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
