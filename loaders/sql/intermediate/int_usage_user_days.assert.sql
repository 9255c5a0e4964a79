-- unique: account_id, user_id, date
-- not null: account_id, user_id, date, events
-- accepted: events >= 1
-- assert: no event is lost between the staged usage and the per-user-day grain
select staged, folded from (select (select coalesce(sum(events), 0) from stg_usage) as staged,
    (select coalesce(sum(events), 0) from int_usage_user_days) as folded)
where staged <> folded
