CREATE TABLE `sync_bundles` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`direction` text NOT NULL,
	`site` text NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`ops` integer NOT NULL,
	`bytes` integer NOT NULL,
	`at` text NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_bundles_partner` ON `sync_bundles` (`partner_id`,`direction`,`at`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`rid` integer NOT NULL,
	`field` text NOT NULL,
	`detected_at` text NOT NULL,
	PRIMARY KEY(`rid`, `field`)
);
--> statement-breakpoint
CREATE TABLE `sync_ops` (
	`id` integer PRIMARY KEY NOT NULL,
	`rid` integer NOT NULL,
	`field` text NOT NULL,
	`site` integer NOT NULL,
	`counter` integer NOT NULL,
	`hlc` integer NOT NULL,
	`value` text,
	`pred` text DEFAULT '' NOT NULL,
	`purge` integer DEFAULT false NOT NULL,
	`state` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_ops_id` ON `sync_ops` (`site`,`counter`);--> statement-breakpoint
CREATE INDEX `sync_ops_row` ON `sync_ops` (`rid`,`field`,`state`);--> statement-breakpoint
CREATE TABLE `sync_partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`signing_key` text NOT NULL,
	`age_recipient` text NOT NULL,
	`fingerprint` text NOT NULL,
	`card_site` text,
	`policy` text NOT NULL,
	`ack` text DEFAULT '{}' NOT NULL,
	`received` text DEFAULT '{}' NOT NULL,
	`added_at` text NOT NULL,
	`policy_changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_partners_signing_key_unique` ON `sync_partners` (`signing_key`);--> statement-breakpoint
CREATE TABLE `sync_pending` (
	`rid` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`root` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_rows_key` ON `sync_rows` (`entity`,`key`);--> statement-breakpoint
CREATE INDEX `sync_rows_root` ON `sync_rows` (`root`);--> statement-breakpoint
CREATE TABLE `sync_self` (
	`id` integer PRIMARY KEY NOT NULL,
	`signing_secret` text NOT NULL,
	`signing_key` text NOT NULL,
	`age_identity` text NOT NULL,
	`age_recipient` text NOT NULL,
	`site_ref` integer NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`hlc` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_sites` (
	`id` integer PRIMARY KEY NOT NULL,
	`site` text NOT NULL,
	`office` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_sites_site_unique` ON `sync_sites` (`site`);--> statement-breakpoint
CREATE TABLE `sync_streams` (
	`partner_id` text NOT NULL,
	`direction` text NOT NULL,
	`site` text NOT NULL,
	`last_seq` integer NOT NULL,
	`last_hash` text NOT NULL,
	PRIMARY KEY(`partner_id`, `direction`, `site`)
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `origin_reference` text DEFAULT '' NOT NULL;