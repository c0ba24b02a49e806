CREATE TABLE `person_relations` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`relative_id` text NOT NULL,
	`relation` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`relative_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_relations_pair` ON `person_relations` (`person_id`,`relative_id`,`relation`);--> statement-breakpoint
CREATE INDEX `person_relations_relative` ON `person_relations` (`relative_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`given_name` text DEFAULT '' NOT NULL,
	`family_name` text DEFAULT '' NOT NULL,
	`patronymic` text DEFAULT '' NOT NULL,
	`display_name` text NOT NULL,
	`latin_name` text DEFAULT '' NOT NULL,
	`name_keys` text DEFAULT '' NOT NULL,
	`birth_date` text,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`region` text,
	`locality` text DEFAULT '' NOT NULL,
	`in_detention` integer DEFAULT false NOT NULL,
	`released` integer DEFAULT false NOT NULL,
	`in_exile` integer DEFAULT false NOT NULL,
	`political_prisoner` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_display_name` ON `persons` (`display_name`);--> statement-breakpoint
CREATE INDEX `persons_updated_at` ON `persons` (`updated_at`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_case` ON `attachments` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case` ON `case_notes` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `case_persons` (
	`case_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`case_id`, `person_id`, `role`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_persons_person` ON `case_persons` (`person_id`);--> statement-breakpoint
CREATE TABLE `case_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_sources_case` ON `case_sources` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_tags` (
	`case_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`case_id`, `tag`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_tags_tag` ON `case_tags` (`tag`,`case_id`);--> statement-breakpoint
CREATE TABLE `case_violations` (
	`case_id` text NOT NULL,
	`violation` text NOT NULL,
	PRIMARY KEY(`case_id`, `violation`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_violations_type` ON `case_violations` (`violation`,`case_id`);--> statement-breakpoint
CREATE TABLE `changes` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`before` text,
	`after` text,
	`at` text NOT NULL,
	`by` text,
	FOREIGN KEY (`by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_row` ON `changes` (`entity`,`row_id`,`at`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`filter` text NOT NULL,
	`sort` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `saved_views_owner` ON `saved_views` (`owner_id`);--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_passphrase` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `removed_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `reference` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `locality` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `place_of_detention` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `sentence` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `priority_rank` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `status_rank` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `status_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `event_date` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `event_end_date` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `event_from` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `event_to` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk_health` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk_minor` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk_incommunicado` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk_torture` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `articles` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `assignee_id` text REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `consent_publish` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `consent_share` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing cases: number them per year of creation, rank their priority and status.
UPDATE `cases` SET `reference` = numbered.ref FROM (
  SELECT `id`, substr(`created_at`, 1, 4) || '-' || printf('%05d', row_number() OVER (PARTITION BY substr(`created_at`, 1, 4) ORDER BY `created_at`, `id`)) AS ref FROM `cases`
) AS numbered WHERE numbered.`id` = `cases`.`id`;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference` ON `cases` (`reference`);--> statement-breakpoint
UPDATE `cases` SET
  `priority_rank` = CASE `priority` WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
  `status_rank` = CASE `status` WHEN 'new' THEN 0 WHEN 'triage' THEN 1 WHEN 'open' THEN 2 WHEN 'monitoring' THEN 3 ELSE 4 END;--> statement-breakpoint
-- Each existing case's person becomes a person record linked as its victim; the app splits the name
-- into its parts and computes its Latin keys at the next unlock (name parts left empty mark them).
CREATE TEMP TABLE `case_person_backfill` AS SELECT `id` AS case_id, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) AS person_id, `person_name`, `created_at`, `created_by` FROM `cases`;--> statement-breakpoint
INSERT INTO `persons` (`id`, `display_name`, `created_at`, `updated_at`, `created_by`, `updated_by`)
  SELECT person_id, `person_name`, `created_at`, `created_at`, `created_by`, `created_by` FROM `case_person_backfill`;--> statement-breakpoint
INSERT INTO `case_persons` (`case_id`, `person_id`, `role`, `position`) SELECT case_id, person_id, 'victim', 0 FROM `case_person_backfill`;--> statement-breakpoint
DROP TABLE `case_person_backfill`;--> statement-breakpoint
-- Full-text search over cases and persons: `body` holds the text as written, `keys` its folded Latin
-- transliterations and skeletons, so a name typed in one script finds a record written in another.
CREATE TABLE `search_docs` (
	`docid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_row` ON `search_docs` (`entity`,`row_id`);--> statement-breakpoint
-- Its rowid is `search_docs.docid`.
CREATE VIRTUAL TABLE `search_index` USING fts5(`body`, `keys`, tokenize = 'unicode61 remove_diacritics 2');--> statement-breakpoint
INSERT INTO `search_index` (`search_index`, `rank`) VALUES ('secure-delete', 1);--> statement-breakpoint
-- Ordering indexes end with the id, the tiebreaker of every page.
DROP INDEX `cases_updated_at`;--> statement-breakpoint
CREATE INDEX `cases_created_at` ON `cases` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_updated_at` ON `cases` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_priority` ON `cases` (`priority_rank`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status_rank`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_region` ON `cases` (`region`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_assignee` ON `cases` (`assignee_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_event` ON `cases` (`event_from`,`id`);--> statement-breakpoint
CREATE INDEX `cases_person_name` ON `cases` ("person_name" COLLATE NOCASE,`id`);
