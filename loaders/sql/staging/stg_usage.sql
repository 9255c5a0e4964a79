-- stg_usage: one row per user, feature and day.
-- materialized: view
-- (usage is the large table: it is read in place, once per pre-aggregate, never copied)
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_usage
),

rejected as (
    select distinct rec from _rej_usage
),

cleaned as (
    select
        txt(account_id) as account_id,
        txt(user_id) as user_id,
        to_date(date) as date,
        txt(feature) as feature,
        to_int(events) as events
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
