-- account_shards: which shard file of the account dataset holds each account. Accounts are cut in account_id
-- order into runs of about 4,000 published rows (a row count is a good proxy for bytes: ~45 bytes a row), so a
-- shard stays near 180 KB whatever the book's size, and the number of shards grows with the book. Ranges in
-- account_id order let a page find an account's shard from the first id of each shard: no per-account index.
-- Shards travel 64 to an archive (one loader process each; Framework unpacks an archive by reading it from the
-- start for every file, so archives must stay small).
with profile as (
    select account_id from account_profile
),

weights as (
    select account_id, count(*) as n from account_health group by all
    union all
    select account_id, count(*) from account_usage_months group by all
    union all
    select account_id, count(*) from account_touch_months group by all
    union all
    select account_id, count(*) from account_touch_people group by all
    union all
    select account_id, count(*) from account_tickets group by all
    union all
    select account_id, count(*) from account_lines group by all
    union all
    select account_id, count(*) from account_traits group by all
),

sized as (
    select p.account_id, 1 + coalesce(sum(w.n), 0) as published_rows  -- 1: the profile row
    from profile as p
    left join weights as w using (account_id)
    group by p.account_id
),

cut as (
    select
        account_id,
        published_rows,
        -- rows before this account, in runs of 4,000: an account never straddles two shards
        ((sum(published_rows) over (order by account_id rows between unbounded preceding and current row) - published_rows) // 4000)::integer
            as shard
    from sized
),

final as (
    select *, shard // 64 as archive
    from cut
)

select * from final
