-- stg_subscriptions: the billing record, one row per product line per billed period (or per subscription).
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
-- `arr` is the annual value whichever column the file gave: arr as given, or 12 × mrr.
with source as (
    select _rec as rec, * from raw_subscriptions
),

rejected as (
    select distinct rec from _rej_subscriptions
),

cleaned as (
    select
        txt(subscription_id) as subscription_id,
        txt(account_id) as account_id,
        txt(product) as product,
        to_date(start_date) as start_date,
        to_date(end_date) as end_date,
        to_num(mrr)::decimal(18, 2) as mrr,
        coalesce(to_num(arr), 12 * to_num(mrr))::decimal(18, 2) as arr,
        txt(churn_reason) as churn_reason
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
