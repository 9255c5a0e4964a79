-- account_name_shards: which file of the search list (dataset account-names) holds each search key. Keys are cut
-- in key order into runs of about 1,000 rows (~50 KB), so typing a name downloads one small file whatever the
-- book's size; one key is never split, so a very common word start makes its file larger. Ranges in key order let
-- the page find a key's file from the first key of each file, as for the account shards.
with keys as (
    select name_key, count(*) as names from account_name_keys group by all
),

cut as (
    select
        name_key,
        names,
        -- rows before this key, in runs of 1,000
        ((sum(names) over (order by name_key rows between unbounded preceding and current row) - names) // 1000)::integer
            as shard
    from keys
),

final as (
    select *, shard // 64 as archive  -- 64 files to an archive, as account_shards
    from cut
)

select * from final
