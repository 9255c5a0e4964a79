-- stg_renewals: one row per contract line per renewal event.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_renewals
),

rejected as (
    select distinct rec from _rej_renewals
),

cleaned as (
    select
        txt(renewal_id) as renewal_id,
        txt(account_id) as account_id,
        to_date(renewal_date) as renewal_date,
        to_date(resolved_date) as resolved_date,
        txt(product) as product,
        to_num(arr_before)::decimal(18, 2) as arr_before,
        to_num(arr_after)::decimal(18, 2) as arr_after,
        txt(loss_reason) as loss_reason
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
