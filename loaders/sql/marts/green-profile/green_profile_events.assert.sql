-- unique: renewal_id
-- not null: renewal_id, account_id, renewal_date, lookback_date, color, is_churned
-- accepted: lookback_date = renewal_date - getvariable('lookback_days')
-- assert: every resolved renewal event is a subject of the profile
select renewal_id from int_renewal_events where is_resolved
    and renewal_id not in (select renewal_id from green_profile_events)
