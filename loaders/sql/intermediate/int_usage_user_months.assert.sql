-- unique: account_id, user_key, month
-- not null: account_id, user_key, month, days
-- accepted: days > 0 and day(month) = 1
-- assert: the user keys count exactly the users the staged text names, and the bits exactly its user-days
select * from (select (select count(*) from (select distinct account_id, user_id from stg_usage)) as users_text,
    (select count(*) from (select distinct account_id, user_key from int_usage_user_months)) as users_keyed,
    (select count(*) from (select distinct account_id, user_id, date from stg_usage)) as user_days_text,
    (select coalesce(sum(bit_count(days)), 0) from int_usage_user_months) as user_days_keyed)
where users_text <> users_keyed or user_days_text <> user_days_keyed
