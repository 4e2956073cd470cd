CREATE TABLE `learner_group_count` (
	`course_id` text NOT NULL,
	`segments` integer NOT NULL,
	`cohort` text,
	`mode` text NOT NULL,
	`learners` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `learner_group_count_course_idx` ON `learner_group_count` (`course_id`);--> statement-breakpoint
CREATE TABLE `user_search_key` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_search_key_user_id_unique` ON `user_search_key` (`user_id`);--> statement-breakpoint
DROP INDEX `learner_summary_username_idx`;--> statement-breakpoint
ALTER TABLE `learner_summary` ADD `enrollment_day` text GENERATED ALWAYS AS (substr(enrolled_at, 1, 10)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `learner_summary` ADD `email_sort` text GENERATED ALWAYS AS (coalesce(email, x'')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `learner_summary` ADD `ratio_sort` real GENERATED ALWAYS AS (coalesce(attempt_ratio, 9e999)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `learner_summary_cohort_idx` ON `learner_summary` (`course_id`,`cohort`,`mode`);--> statement-breakpoint
CREATE INDEX `learner_summary_mode_idx` ON `learner_summary` (`course_id`,`mode`);--> statement-breakpoint
CREATE INDEX `learner_summary_email_asc_idx` ON `learner_summary` (`course_id`,`email_sort`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_email_desc_idx` ON `learner_summary` (`course_id`,"email_sort" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_name_asc_idx` ON `learner_summary` (`course_id`,`name`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_name_desc_idx` ON `learner_summary` (`course_id`,"name" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_enrollment_day_asc_idx` ON `learner_summary` (`course_id`,`enrollment_day`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_enrollment_day_desc_idx` ON `learner_summary` (`course_id`,"enrollment_day" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_discussion_contributions_asc_idx` ON `learner_summary` (`course_id`,`discussion_contributions`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_discussion_contributions_desc_idx` ON `learner_summary` (`course_id`,"discussion_contributions" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_problems_attempted_asc_idx` ON `learner_summary` (`course_id`,`problems_attempted`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_problems_attempted_desc_idx` ON `learner_summary` (`course_id`,"problems_attempted" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_problems_completed_asc_idx` ON `learner_summary` (`course_id`,`problems_completed`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_problems_completed_desc_idx` ON `learner_summary` (`course_id`,"problems_completed" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_videos_viewed_asc_idx` ON `learner_summary` (`course_id`,`videos_viewed`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_videos_viewed_desc_idx` ON `learner_summary` (`course_id`,"videos_viewed" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_ratio_asc_idx` ON `learner_summary` (`course_id`,`ratio_sort`,"attempt_ratio_order" desc,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_ratio_desc_idx` ON `learner_summary` (`course_id`,"ratio_sort" desc,`attempt_ratio_order`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_username_idx` ON `learner_summary` (`course_id`,`username`,`name`,`email`);