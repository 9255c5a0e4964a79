-- unique: renewal_id
-- not null: renewal_id, account_id, renewal_year, color, is_churned
-- accepted: score is null or score between 0 and 100
-- assert: the lab reads exactly the green profile's events, no more and no fewer
select renewal_id from green_profile_events where renewal_id not in (select renewal_id from health_lab_events)
union all
select renewal_id from health_lab_events where renewal_id not in (select renewal_id from green_profile_events)
