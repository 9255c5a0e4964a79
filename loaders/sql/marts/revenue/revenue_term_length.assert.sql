-- assert: one row
select * from (select count(*) as n from revenue_term_length) where n <> 1
-- accepted: terms >= 0 and (median_term_days is null or median_term_days > 0)
