-- unique: account_id, feature, date
-- not null: account_id, feature, date, events
-- assert: the per-feature-day events equal the staged usage
select * from (select (select coalesce(sum(events), 0) from stg_usage) as staged,
    (select coalesce(sum(events), 0) from int_usage_feature_days) as feature_grain)
where staged <> feature_grain
