-- unique: account_id, user_key, date
-- not null: account_id, user_key, date
-- assert: the user keys count exactly the users the staged text names, per account and in all
select * from (select (select count(*) from (select distinct account_id, user_id from stg_usage)) as users_text,
    (select count(*) from (select distinct account_id, user_key from int_usage_user_days)) as users_keyed,
    (select count(*) from (select distinct account_id, user_id, date from stg_usage)) as user_days_text,
    (select count(*) from int_usage_user_days) as user_days_keyed)
where users_text <> users_keyed or user_days_text <> user_days_keyed
