-- int_account_groups: each account's segment, region and CSM, and a small integer naming that combination.
-- Published tables carry group_id instead of repeating three strings on every row (the risk dataset's
-- `groups` table spells them out), which keeps the page's JSON small.
with owners as (
    select * from int_account_owners  -- '(none)' for a missing value, so a page can select "no segment"
),

final as (
    select
        account_id,
        segment,
        region,
        csm,
        dense_rank() over (order by segment, region, csm)::integer as group_id
    from owners
)

select * from final
