-- Existing cases: their assignee's name and their violation bits (the numbers of db/violation-mask.ts).
UPDATE `cases` SET
  `assignee_name` = coalesce((SELECT `name` FROM `staff` WHERE `staff`.`id` = `cases`.`assignee_id`), ''),
  `violation_mask` = coalesce((SELECT sum(1 << CASE `violation`
      WHEN 'detention' THEN 0 WHEN 'administrative-arrest' THEN 1 WHEN 'criminal-prosecution' THEN 2
      WHEN 'search' THEN 3 WHEN 'torture' THEN 4 WHEN 'fine' THEN 5 WHEN 'dismissal' THEN 6
      WHEN 'passport-refusal' THEN 7 WHEN 'extremist-listing' THEN 8 WHEN 'property-seizure' THEN 9
      WHEN 'other' THEN 10 END) FROM `case_violations` WHERE `case_violations`.`case_id` = `cases`.`id`), 0)
  WHERE `assignee_id` IS NOT NULL OR `id` IN (SELECT `case_id` FROM `case_violations`);--> statement-breakpoint
-- A staff account's name is copied onto its cases for sorting: a renamed account renames them too.
CREATE TRIGGER `staff_name_to_cases` AFTER UPDATE OF `name` ON `staff` BEGIN
  UPDATE `cases` SET `assignee_name` = NEW.`name` WHERE `assignee_id` = NEW.`id`;
END;
