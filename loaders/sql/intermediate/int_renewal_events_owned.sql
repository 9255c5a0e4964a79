-- int_renewal_events_owned: each renewal event with its account's owner and firmographics, so revenue
-- figures can be cut by segment, region and CSM. A missing value becomes '(none)': pages filter by equality
-- and keep null for "All", so a real null could never be selected.
with events as (
    select * from int_renewal_events
),

accounts as (
    select * from stg_accounts
),

owned as (
    select
        e.*,
        a.account_name,
        coalesce(a.segment, '(none)') as segment,
        coalesce(a.region, '(none)') as region,
        coalesce(a.csm, '(none)') as csm
    from events as e
    left join accounts as a using (account_id)  -- an event whose account row was rejected is kept, as '(none)'
),

final as (
    select
        *,
        -- rip and replace: kept the logo, tore out some value and bought a new product (METRICS.md § Revenue)
        is_resolved and not is_churned and partial_loss > 0 and cross_sell > 0 as is_rip_and_replace
    from owned
)

select * from final
