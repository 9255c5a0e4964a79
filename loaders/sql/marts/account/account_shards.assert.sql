-- unique: account_id
-- not null: account_id, shard, archive
-- accepted: shard >= 0 and archive >= 0
-- assert: every account is in exactly one shard, and a shard sits in one archive
select account_id from account_profile where account_id not in (select account_id from account_shards)
union all
select shard::varchar from account_shards group by shard having count(distinct archive) > 1
