-- int_account_groups: each account's segment, region and CSM, and a small integer naming that combination.
-- Published tables carry group_id instead of repeating three strings on every row (the risk dataset's
-- `groups` table spells them out), which keeps the page's JSON small.
with accounts as (
    select * from stg_accounts
),

final as (
    select
        account_id,
        segment,
        region,
        csm,
        dense_rank() over (order by segment nulls last, region nulls last, csm nulls last)::integer as group_id
    from accounts
)

select * from final
