-- stg_milestones: one row per lifecycle stage reached.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_milestones
),

rejected as (
    select distinct rec from _rej_milestones
),

cleaned as (
    select
        txt(account_id) as account_id,
        to_enum(stage) as stage,
        to_date(reached_at) as reached_at
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
