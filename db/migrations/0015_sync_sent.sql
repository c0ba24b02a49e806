CREATE TABLE `sync_sent` (
	`partner_id` text NOT NULL,
	`rid` integer NOT NULL,
	PRIMARY KEY(`partner_id`, `rid`)
);
