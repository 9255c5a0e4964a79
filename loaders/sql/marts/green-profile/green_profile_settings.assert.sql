-- assert: one row
select * from (select count(*) as n from green_profile_settings) where n <> 1
