CREATE TABLE `__new_learner_item_day` (
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`item_id` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`successes` integer DEFAULT 0 NOT NULL,
	`plays` integer DEFAULT 0 NOT NULL,
	`posts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`course_id`, `user_id`, `day`, `item_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_learner_item_day` SELECT course_id, user_id, day, item_id, events, attempts, successes, plays, posts FROM `learner_item_day` ORDER BY course_id, user_id, day, item_id;
--> statement-breakpoint
DROP TABLE `learner_item_day`;
--> statement-breakpoint
ALTER TABLE `__new_learner_item_day` RENAME TO `learner_item_day`;
--> statement-breakpoint
CREATE TABLE `__new_learner_day` (
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`events` integer NOT NULL,
	`problem_attempts` integer NOT NULL,
	`problems_attempted` integer NOT NULL,
	`problems_completed` integer NOT NULL,
	`videos_viewed` integer NOT NULL,
	`discussion_contributions` integer NOT NULL,
	PRIMARY KEY(`course_id`, `user_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_learner_day` SELECT course_id, user_id, day, events, problem_attempts, problems_attempted, problems_completed, videos_viewed, discussion_contributions FROM `learner_day` ORDER BY course_id, user_id, day;
--> statement-breakpoint
DROP TABLE `learner_day`;
--> statement-breakpoint
ALTER TABLE `__new_learner_day` RENAME TO `learner_day`;
--> statement-breakpoint
CREATE INDEX `learner_day_course_day_idx` ON `learner_day` (`course_id`,`day`);
