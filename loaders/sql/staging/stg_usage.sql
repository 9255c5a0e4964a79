-- stg_usage: one row per user, feature and day.
-- materialized: view
-- Usage is the large table: read in place by the two usage pre-aggregates only (int_usage_user_months,
-- int_usage_feature_days); every other model reads those (a stored copy was measured slower: docs/decisions.md).
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
