-- assert: one row
select * from (select count(*) as n from book_summary) where n <> 1
-- accepted: active_accounts <= accounts and overdue_renewals >= 0 and due_next_90_days >= 0
