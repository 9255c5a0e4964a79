-- rip_and_replace_renewals: resolved, retained renewals that lost value on some lines and bought a new
-- product (docs/metrics.md § Revenue), with the products that went out and came in and the value that moved.
with events as (
    select * from int_renewal_events_owned
    where is_rip_and_replace  -- the only events this list is about
),

lines as (
    select * from int_renewal_lines
),

products as (
    select
        renewal_id,
        list(product order by product) filter (where arr_before > 0 and arr_after = 0) as removed_products,
        list(product order by product) filter (where arr_before > 0 and arr_after > 0 and arr_after < arr_before) as reduced_products,
        list(product order by product) filter (where arr_before = 0 and arr_after > 0) as added_products
    from lines
    where renewal_id in (select renewal_id from events)  -- lines of the listed events only
    group by renewal_id
),

final as (
    select
        e.renewal_id,
        e.account_id,
        e.account_name,
        e.segment,
        e.region,
        e.csm,
        e.renewal_date,
        e.resolved_date,
        e.renewal_year::varchar as renewal_year,
        e.renewal_quarter,
        e.arr_before as starting,
        e.arr_after as ending,
        e.partial_loss,
        e.cross_sell,
        e.upsell,
        (e.arr_after - e.arr_before)::decimal(18, 2) as net_change,
        coalesce(p.removed_products, []) as removed_products,
        coalesce(p.reduced_products, []) as reduced_products,
        coalesce(p.added_products, []) as added_products,
        e.loss_reasons
    from events as e
    left join products as p using (renewal_id)
)

select * from final
