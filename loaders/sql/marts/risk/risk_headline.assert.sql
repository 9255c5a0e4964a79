-- assert: at most one row per lookback
select lookback_days from risk_headline group by lookback_days having count(*) > 1
