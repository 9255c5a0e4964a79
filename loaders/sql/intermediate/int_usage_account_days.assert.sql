-- unique: account_id, date
-- not null: account_id, date, events, users
-- accepted: users >= 1 and events >= users
-- assert: the per-account-day events equal the per-user-day events they were cut from
select * from (select (select coalesce(sum(events), 0) from int_usage_user_days) as users_grain,
    (select coalesce(sum(events), 0) from int_usage_account_days) as account_grain)
where users_grain <> account_grain
