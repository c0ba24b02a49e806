DROP INDEX `cases_updated_at`;--> statement-breakpoint
DROP INDEX `cases_priority`;--> statement-breakpoint
DROP INDEX `cases_status`;--> statement-breakpoint
DROP INDEX `cases_region`;--> statement-breakpoint
DROP INDEX `cases_assignee`;--> statement-breakpoint
DROP INDEX `cases_event`;--> statement-breakpoint
DROP INDEX `cases_person_name`;--> statement-breakpoint
DROP INDEX `cases_created_at`;--> statement-breakpoint
DROP INDEX `cases_filters`;--> statement-breakpoint
ALTER TABLE `cases` ADD `assignee_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `violation_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_reference_order` ON `cases` (`reference`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_updated_order` ON `cases` (`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_created_order` ON `cases` (`created_at`,`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_priority_order` ON `cases` (`priority_rank`,`updated_at`,`id`,`status_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_status_order` ON `cases` (`status_rank`,`updated_at`,`id`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_region_order` ON `cases` (`region`,`updated_at`,`id`,`status_rank`,`priority_rank`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_assignee_order` ON `cases` ("assignee_name" COLLATE NOCASE,`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_event_order` ON `cases` ((CASE WHEN "event_from" IS NULL THEN '' ELSE "event_from" END),`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_person_name_order` ON `cases` ("person_name" COLLATE NOCASE,`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_title_order` ON `cases` ("title" COLLATE NOCASE,`updated_at`,`id`,`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);--> statement-breakpoint
CREATE INDEX `cases_filters` ON `cases` (`status_rank`,`priority_rank`,`region`,`assignee_id`,`event_from`,`event_to`,`risk_health`,`risk_minor`,`risk_incommunicado`,`risk_torture`,`violation_mask`);