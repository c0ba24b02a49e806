DROP INDEX `aid_ledger_totals_day`;--> statement-breakpoint
CREATE INDEX `aid_ledger_totals_programme` ON `aid_ledger_totals` (`dimension`,`programme_id`,`office`,`day`,`currency`,`value`,`net_minor`,`payments`);--> statement-breakpoint
CREATE INDEX `aid_ledger_totals_day` ON `aid_ledger_totals` (`dimension`,`office`,`day`,`programme_id`,`currency`,`value`,`net_minor`,`payments`);