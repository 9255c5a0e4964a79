-- stg_accounts: one row per account.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_accounts
),

rejected as (
    select distinct rec from _rej_accounts
),

first_billed as (
    select account_id, min(start_date) as first_start
    from stg_subscriptions
    group by account_id
),

cleaned as (
    select
        txt(source.account_id) as account_id,
        txt(account_name) as account_name,
        txt(segment) as segment,
        txt(region) as region,
        txt(industry) as industry,
        txt(csm) as csm,
        -- with a billing record customer_since may be empty: then it is the account's first start_date
        coalesce(to_date(customer_since), first_start) as customer_since,
        to_int(licenses) as licenses
    from source
    left join first_billed on first_billed.account_id = txt(source.account_id)
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
