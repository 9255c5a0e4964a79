-- int_account_owners: each account's name, segment, region and owner (CSM) under one rule for a missing value,
-- read by every model that cuts figures by owner. A missing segment, region or CSM is '(none)': pages filter
-- by equality and keep null for "All", so a real null could never be selected ("no segment" must be).
with accounts as (
    select * from stg_accounts
),

events as (
    select distinct account_id from int_renewal_events
),

lines as (
    select distinct account_id from int_line_arr
),

ids as (
    select account_id from accounts
    union
    select account_id from events  -- a renewal whose account row was rejected still gets an owner: '(none)'
    union
    select account_id from lines  -- likewise a billed line
),

final as (
    select
        i.account_id,
        a.account_name,
        coalesce(a.segment, '(none)') as segment,
        coalesce(a.region, '(none)') as region,
        coalesce(a.csm, '(none)') as csm,
        a.csm is not null as has_csm  -- a CSM page or an under-calling flag is about a person
    from ids as i
    left join accounts as a using (account_id)
)

select * from final
