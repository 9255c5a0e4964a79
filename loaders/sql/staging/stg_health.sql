-- stg_health: one row per health score snapshot.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_health
),

rejected as (
    select distinct rec from _rej_health
),

cleaned as (
    select
        txt(account_id) as account_id,
        to_date(as_of) as as_of,
        to_enum(color) as color,
        to_num(score) as score,
        txt(source) as source
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
