CREATE TABLE `duplicate_candidates` (
	`person_a` text NOT NULL,
	`person_b` text NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`computed_at` text NOT NULL,
	`skipped` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`person_a`, `person_b`)
);
--> statement-breakpoint
CREATE INDEX `duplicate_candidates_b` ON `duplicate_candidates` (`person_b`);--> statement-breakpoint
CREATE INDEX `duplicate_candidates_queue` ON `duplicate_candidates` (`skipped`,`score`);--> statement-breakpoint
CREATE TABLE `person_links` (
	`id` text PRIMARY KEY NOT NULL,
	`person_a` text NOT NULL,
	`person_b` text NOT NULL,
	`state` text NOT NULL,
	`decided_at` text NOT NULL,
	`decided_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `person_links_a` ON `person_links` (`person_a`,`state`);--> statement-breakpoint
CREATE INDEX `person_links_b` ON `person_links` (`person_b`,`state`);