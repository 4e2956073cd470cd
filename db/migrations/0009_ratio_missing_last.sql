DROP INDEX `learner_summary_ratio_asc_idx`;--> statement-breakpoint
DROP INDEX `learner_summary_ratio_desc_idx`;--> statement-breakpoint
ALTER TABLE `learner_summary` ADD `ratio_missing` integer GENERATED ALWAYS AS (problem_attempts = 0) VIRTUAL;--> statement-breakpoint
CREATE INDEX `learner_summary_ratio_asc_idx` ON `learner_summary` (`course_id`,`ratio_missing`,`ratio_sort`,"attempt_ratio_order" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_ratio_desc_idx` ON `learner_summary` (`course_id`,`ratio_missing`,"ratio_sort" desc,`attempt_ratio_order`,`username`);