-- unique: account_id, date
-- not null: account_id, date, events
-- accepted: events >= 1
-- assert: no event is lost between the staged usage and the per-account-day grain, and its days are the users' active days
select * from (select (select coalesce(sum(events), 0) from stg_usage) as staged,
    (select coalesce(sum(events), 0) from int_usage_account_days) as account_grain,
    (select coalesce(sum(bit_count(days)), 0) from (select bit_or(days) as days from int_usage_user_months group by account_id, month)) as user_days,
    (select count(*) from int_usage_account_days) as account_days)
where staged <> account_grain or user_days <> account_days
