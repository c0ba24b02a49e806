CREATE TABLE `aid_disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient_id` text NOT NULL,
	`programme_id` text,
	`case_id` text,
	`request_id` text,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`type` text NOT NULL,
	`method` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`purpose_key` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`recipient_region` text NOT NULL,
	`recipient_category` text NOT NULL,
	`requested_by` text,
	`requested_at` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`paid_by` text,
	`paid_at` text,
	`payment_reference` text DEFAULT '' NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	`reverses_id` text,
	`duplicate_reason` text DEFAULT '' NOT NULL,
	`duplicate_confirmed_by` text,
	`budget_override_reason` text DEFAULT '' NOT NULL,
	`budget_override_by` text,
	`origin_office` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_id`) REFERENCES `aid_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `aid_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `aid_disbursements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "aid_disbursements_sign" CHECK(("aid_disbursements"."reverses_id" IS NULL AND "aid_disbursements"."amount_minor" > 0) OR ("aid_disbursements"."reverses_id" IS NOT NULL AND "aid_disbursements"."amount_minor" < 0 AND "aid_disbursements"."status" = 'paid'))
);
--> statement-breakpoint
CREATE INDEX `aid_disbursements_recipient` ON `aid_disbursements` (`recipient_id`,`date`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_queue` ON `aid_disbursements` (`status`,`requested_at`,`id`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_date` ON `aid_disbursements` (`date`,`id`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_created` ON `aid_disbursements` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_programme` ON `aid_disbursements` (`programme_id`,`status`,`amount_minor`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_programme_date` ON `aid_disbursements` (`programme_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_case` ON `aid_disbursements` (`case_id`);--> statement-breakpoint
CREATE INDEX `aid_disbursements_request` ON `aid_disbursements` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `aid_disbursements_reverses` ON `aid_disbursements` (`reverses_id`);--> statement-breakpoint
CREATE TABLE `aid_ledger_totals` (
	`dimension` text NOT NULL,
	`programme_id` text NOT NULL,
	`office` text NOT NULL,
	`currency` text NOT NULL,
	`day` text NOT NULL,
	`value` text NOT NULL,
	`net_minor` integer NOT NULL,
	`payments` integer NOT NULL,
	PRIMARY KEY(`dimension`, `programme_id`, `office`, `currency`, `day`, `value`)
);
--> statement-breakpoint
CREATE INDEX `aid_ledger_totals_day` ON `aid_ledger_totals` (`dimension`,`office`,`day`);--> statement-breakpoint
CREATE TABLE `aid_programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`donor` text NOT NULL,
	`currency` text NOT NULL,
	`budget_minor` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`eligible_types` text NOT NULL,
	`four_eyes_threshold_minor` integer DEFAULT 0 NOT NULL,
	`iati_identifier` text DEFAULT '' NOT NULL,
	`origin_office` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	CONSTRAINT "aid_programmes_budget" CHECK("aid_programmes"."budget_minor" > 0),
	CONSTRAINT "aid_programmes_threshold" CHECK("aid_programmes"."four_eyes_threshold_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_programmes_name` ON `aid_programmes` ("name" COLLATE NOCASE) WHERE "aid_programmes"."origin_office" IS NULL;--> statement-breakpoint
CREATE TABLE `aid_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`disbursement_id` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`disbursement_id`) REFERENCES `aid_disbursements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aid_receipts_disbursement` ON `aid_receipts` (`disbursement_id`);--> statement-breakpoint
CREATE TABLE `aid_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`case_id` text,
	`type` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`origin_office` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aid_requests_person` ON `aid_requests` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `aid_requests_status` ON `aid_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `aid_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` blob NOT NULL
);
