-- stg_tickets: one row per support ticket.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_tickets
),

rejected as (
    select distinct rec from _rej_tickets
),

cleaned as (
    select
        txt(ticket_id) as ticket_id,
        txt(account_id) as account_id,
        to_date(opened_at) as opened_at,
        to_date(closed_at) as closed_at,
        to_enum(severity) as severity
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
