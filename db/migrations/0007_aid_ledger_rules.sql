-- The ledger's rules, enforced by the database itself so that no code path (an old build, a sync apply, a
-- hand-typed UPDATE) can change or remove money that was paid. Messages start with the error code.
CREATE TRIGGER `aid_disbursements_no_delete` BEFORE DELETE ON `aid_disbursements`
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: a disbursement is never deleted; cancel it, or reverse it once paid');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_disbursements_final` BEFORE UPDATE ON `aid_disbursements`
WHEN OLD.`status` IN ('paid', 'rejected', 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: a paid, rejected or cancelled disbursement never changes; correct a payment with a reversing entry');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_disbursements_fixed_terms` BEFORE UPDATE ON `aid_disbursements`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`recipient_id` IS NOT OLD.`recipient_id` OR NEW.`programme_id` IS NOT OLD.`programme_id`
  OR NEW.`amount_minor` IS NOT OLD.`amount_minor` OR NEW.`currency` IS NOT OLD.`currency` OR NEW.`type` IS NOT OLD.`type`
  OR NEW.`date` IS NOT OLD.`date` OR NEW.`reverses_id` IS NOT OLD.`reverses_id` OR NEW.`origin_office` IS NOT OLD.`origin_office`
  OR NEW.`requested_by` IS NOT OLD.`requested_by` OR NEW.`requested_at` IS NOT OLD.`requested_at`
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: recipient, programme, amount, currency, type and date are fixed once requested; cancel and request anew');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_disbursements_transition` BEFORE UPDATE OF `status` ON `aid_disbursements`
WHEN NEW.`status` IS NOT OLD.`status` AND OLD.`status` NOT IN ('paid', 'rejected', 'cancelled') AND NOT (
  (OLD.`status` = 'requested' AND NEW.`status` IN ('approved', 'rejected', 'cancelled'))
  OR (OLD.`status` = 'approved' AND NEW.`status` IN ('paid', 'cancelled'))
)
BEGIN
  SELECT RAISE(ABORT, 'INVALID_TRANSITION: disbursements go requested → approved → paid, or to rejected or cancelled before payment');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_disbursements_reversal` BEFORE INSERT ON `aid_disbursements`
WHEN NEW.`reverses_id` IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM `aid_disbursements` o
  WHERE o.`id` = NEW.`reverses_id` AND o.`status` = 'paid' AND o.`reverses_id` IS NULL
    AND o.`amount_minor` = -NEW.`amount_minor` AND o.`currency` = NEW.`currency`
    AND o.`recipient_id` = NEW.`recipient_id` AND o.`programme_id` IS NEW.`programme_id`
)
BEGIN
  SELECT RAISE(ABORT, 'INVALID_TRANSITION: a reversal must negate one paid payment exactly (same recipient, programme, currency and amount)');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_receipts_no_update` BEFORE UPDATE ON `aid_receipts`
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: a receipt never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `aid_receipts_no_delete` BEFORE DELETE ON `aid_receipts`
BEGIN
  SELECT RAISE(ABORT, 'LEDGER_IMMUTABLE: a receipt is never deleted');
END;
--> statement-breakpoint
-- The derived report totals: every entry that becomes paid is added once per dimension.
CREATE TRIGGER `aid_ledger_totals_on_insert` AFTER INSERT ON `aid_disbursements`
WHEN NEW.`status` = 'paid'
BEGIN
  INSERT INTO `aid_ledger_totals` (`dimension`, `programme_id`, `office`, `currency`, `day`, `value`, `net_minor`, `payments`)
  VALUES
    ('type', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`type`, NEW.`amount_minor`, CASE WHEN NEW.`amount_minor` < 0 THEN -1 ELSE 1 END),
    ('region', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`recipient_region`, NEW.`amount_minor`, CASE WHEN NEW.`amount_minor` < 0 THEN -1 ELSE 1 END),
    ('category', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`recipient_category`, NEW.`amount_minor`, CASE WHEN NEW.`amount_minor` < 0 THEN -1 ELSE 1 END)
  ON CONFLICT (`dimension`, `programme_id`, `office`, `currency`, `day`, `value`)
  DO UPDATE SET `net_minor` = `net_minor` + excluded.`net_minor`, `payments` = `payments` + excluded.`payments`;
END;
--> statement-breakpoint
CREATE TRIGGER `aid_ledger_totals_on_paid` AFTER UPDATE OF `status` ON `aid_disbursements`
WHEN NEW.`status` = 'paid' AND OLD.`status` IS NOT 'paid'
BEGIN
  INSERT INTO `aid_ledger_totals` (`dimension`, `programme_id`, `office`, `currency`, `day`, `value`, `net_minor`, `payments`)
  VALUES
    ('type', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`type`, NEW.`amount_minor`, 1),
    ('region', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`recipient_region`, NEW.`amount_minor`, 1),
    ('category', coalesce(NEW.`programme_id`, ''), coalesce(NEW.`origin_office`, ''), NEW.`currency`, NEW.`date`, NEW.`recipient_category`, NEW.`amount_minor`, 1)
  ON CONFLICT (`dimension`, `programme_id`, `office`, `currency`, `day`, `value`)
  DO UPDATE SET `net_minor` = `net_minor` + excluded.`net_minor`, `payments` = `payments` + excluded.`payments`;
END;
