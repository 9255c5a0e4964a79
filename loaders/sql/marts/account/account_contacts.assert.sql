-- unique: account_id, contact_id
-- assert: contact-level rows exist only when the config publishes contacts
select * from account_contacts where not getvariable('publish_contacts')
