-- assert: one row
select * from (select count(*) as n from loss_review_settings) where n <> 1
