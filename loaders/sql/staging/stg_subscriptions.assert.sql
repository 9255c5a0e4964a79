-- not null: account_id, product, start_date, arr
-- accepted: arr >= 0 and (end_date is null or end_date > start_date)
-- assert: every account_id is an account (orphans are rejected in validation)
select s.* from stg_subscriptions as s anti join stg_accounts as a using (account_id)
