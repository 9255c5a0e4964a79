-- unique: name_key, account_id
-- not null: name_key, account_id, account_name
-- accepted: length(name_key) between 1 and 3
-- assert: every named account can be found (it has at least one key)
select account_id from account_profile
where account_name is not null and account_id not in (select account_id from account_name_keys)
