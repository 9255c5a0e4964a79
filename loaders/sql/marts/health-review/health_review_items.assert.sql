-- unique: account_id, list
-- unique: action_key
-- not null: account_id, list, reasons, reason_text, due_by, action_key
-- accepted: list in ('red_no_plan', 'red_renewal', 'green_at_risk', 'early_warning', 'expansion', 'flip')
-- accepted: len(reasons) >= 1
-- assert: every listed account is active on the as-of date
select i.account_id from health_review_items as i
join int_account_status as s using (account_id)
where not s.is_active
