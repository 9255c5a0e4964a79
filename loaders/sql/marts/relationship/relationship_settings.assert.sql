-- assert: one row
select * from (select count(*) as n from relationship_settings) where n <> 1
