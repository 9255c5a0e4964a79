-- unique: segment, region, csm
-- not null: segment, region, csm, accounts, active_accounts
-- assert: the rows add up to the book
select * from book_summary as b
where b.accounts <> (select sum(accounts) from book_by_owner)
    or b.active_accounts <> (select sum(active_accounts) from book_by_owner)
    or b.current_arr <> (select sum(current_arr) from book_by_owner)
    or b.overdue_renewals <> (select sum(overdue_renewals) from book_by_owner)
