-- int_renewal_events_owned: each renewal event with its account's owner and firmographics, so revenue
-- figures can be cut by segment, region and CSM (int_account_owners: a missing value is '(none)').
with events as (
    select * from int_renewal_events
),

owners as (
    select * from int_account_owners
),

owned as (
    select
        e.*,
        o.account_name,
        o.segment,
        o.region,
        o.csm
    from events as e
    join owners as o using (account_id)  -- every account id of an event has an owner row
),

final as (
    select
        *,
        -- rip and replace: kept the logo, tore out some value and bought a new product (docs/metrics.md § Revenue)
        is_resolved and not is_churned and partial_loss > 0 and cross_sell > 0 as is_rip_and_replace
    from owned
)

select * from final
