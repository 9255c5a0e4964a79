-- unique: renewal_id, contact_id
-- assert: contact-level rows exist only when the config publishes contacts
select * from loss_review_contacts where not getvariable('publish_contacts')
