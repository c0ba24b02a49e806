-- The ledger filtered by status in date order (the paid entries, newest first) reads this index in order
-- instead of sorting every matching entry.
CREATE INDEX `aid_disbursements_status_date` ON `aid_disbursements` (`status`,`date`,`id`);