-- assert: one row
select * from (select count(*) as n from account_settings) where n <> 1
