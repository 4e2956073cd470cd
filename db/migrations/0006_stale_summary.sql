CREATE TABLE `stale_summary` (
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`course_id`, `user_id`)
) WITHOUT ROWID;
