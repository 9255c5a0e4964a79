-- unique: name_key
-- not null: name_key, names, shard, archive
-- accepted: names >= 1 and shard >= 0 and archive = shard // 64
-- assert: every key of the search list has a file
select name_key from account_name_keys where name_key not in (select name_key from account_name_shards)
