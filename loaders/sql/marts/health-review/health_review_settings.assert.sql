-- assert: one row
select * from (select count(*) as n from health_review_settings) where n <> 1
