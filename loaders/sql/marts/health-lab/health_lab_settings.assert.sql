-- assert: one row
select * from (select count(*) as n from health_lab_settings) where n <> 1
-- accepted: test_year is null or make_date(test_year, 12, 31) <= as_of  -- the test year is over
