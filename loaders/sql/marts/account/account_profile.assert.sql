-- unique: account_id
-- not null: account_id
-- assert: every account has a profile
select account_id from stg_accounts where account_id not in (select account_id from account_profile)
