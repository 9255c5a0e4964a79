-- assert: one row
select * from (select count(*) as n from risk_settings) where n <> 1
