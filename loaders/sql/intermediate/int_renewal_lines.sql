-- int_renewal_lines: every contract line of every renewal event, whichever shape the revenue record has:
-- the renewals file as staged, or the events derived from the billing record (a folder holds one of the two).
-- A view: its readers scan it once each, cheaper than storing a copy of either table.
-- materialized: view
with given as (
    select * from stg_renewals
),

derived as (
    select * from int_subscription_renewals
),

final as (
    select * from given
    union all
    select * from derived
)

select * from final
