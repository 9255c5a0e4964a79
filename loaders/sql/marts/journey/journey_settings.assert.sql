-- assert: one row
select * from (select count(*) as n from journey_settings) where n <> 1
