-- stg_accounts: one row per account.
-- Typed and trimmed; rows validation rejected are left out here and counted on the Data quality page.
with source as (
    select _rec as rec, * from raw_accounts
),

rejected as (
    select distinct rec from _rej_accounts
),

cleaned as (
    select
        txt(account_id) as account_id,
        txt(account_name) as account_name,
        txt(segment) as segment,
        txt(region) as region,
        txt(industry) as industry,
        txt(csm) as csm,
        to_date(customer_since) as customer_since,
        to_int(licenses) as licenses
    from source
    where rec not in (select rec from rejected)  -- rejected rows are reported, never staged
)

select * from cleaned
