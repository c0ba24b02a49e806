-- A partner office's paid disbursement is held here as a copy, for the duplicate-payment check. That office
-- may purge it (or the person it names); the copy then goes, and its share of the derived totals with it.
-- This office's own entries stay undeletable.
DROP TRIGGER `aid_disbursements_no_delete`;--> statement-breakpoint
CREATE TRIGGER `aid_disbursements_no_delete` BEFORE DELETE ON `aid_disbursements`
WHEN OLD.`origin_office` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: a disbursement is never deleted; cancel it, or reverse it once paid');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_ledger_totals_on_copy_delete` AFTER DELETE ON `aid_disbursements`
WHEN OLD.`status` = 'paid' AND OLD.`origin_office` IS NOT NULL
BEGIN
  UPDATE `aid_ledger_totals`
  SET `net_minor` = `net_minor` - OLD.`amount_minor`, `payments` = `payments` - CASE WHEN OLD.`amount_minor` < 0 THEN -1 ELSE 1 END
  WHERE `programme_id` = coalesce(OLD.`programme_id`, '') AND `office` = OLD.`origin_office` AND `currency` = OLD.`currency` AND `day` = OLD.`date`
    AND ((`dimension` = 'type' AND `value` = OLD.`type`) OR (`dimension` = 'region' AND `value` = OLD.`recipient_region`)
      OR (`dimension` = 'category' AND `value` = OLD.`recipient_category`));
END;
