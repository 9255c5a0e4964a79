-- stg_features: one row per feature.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_features
),

rejected as (
    select distinct rec from _rej_features
),

cleaned as (
    select
        txt(feature) as feature,
        coalesce(to_bool(sticky), false) as sticky
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
