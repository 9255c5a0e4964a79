-- stg_nps: one row per survey response.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_nps
),

rejected as (
    select distinct rec from _rej_nps
),

cleaned as (
    select
        txt(account_id) as account_id,
        to_date(responded_at) as responded_at,
        to_int(score) as score
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
