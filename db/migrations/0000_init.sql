CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `api_keys_user_idx` ON `api_keys` (`user_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `departments_parent_idx` ON `departments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `managed_departments` (
	`user_id` text NOT NULL,
	`department_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `department_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user_external_ids` (
	`external_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_external_ids_user_idx` ON `user_external_ids` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`email` text,
	`email_lower` text,
	`email_sha1` text,
	`status` text DEFAULT 'active' NOT NULL,
	`department_id` text,
	`role` text DEFAULT 'user' NOT NULL,
	`password_hash` text,
	`language` text,
	`country` text,
	`city` text,
	`gender` text,
	`year_of_birth` integer,
	`level_of_education` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_uq` ON `users` (`email_lower`);--> statement-breakpoint
CREATE INDEX `users_email_sha1_idx` ON `users` (`email_sha1`);--> statement-breakpoint
CREATE INDEX `users_department_idx` ON `users` (`department_id`);--> statement-breakpoint
CREATE TABLE `cohorts` (
	`course_id` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`course_id`, `name`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `course_staff` (
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`course_id`, `user_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_staff_user_idx` ON `course_staff` (`user_id`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`starts_at` text,
	`ends_at` text,
	`passing_score` real,
	`last_updated_at` text
);
--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	`mode` text DEFAULT 'audit' NOT NULL,
	`cohort` text,
	`enrolled_at` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`unenrolled_at` text,
	`access_date` text,
	`due_date` text,
	`expiration_date` text,
	`completion_status` text,
	`completed_at` text,
	`score` real,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_course_user_uq` ON `enrollments` (`course_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `enrollments_user_idx` ON `enrollments` (`user_id`);--> statement-breakpoint
CREATE INDEX `enrollments_course_enrolled_idx` ON `enrollments` (`course_id`,`enrolled_at`,`id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`name` text NOT NULL,
	`target_kind` text NOT NULL,
	`targets` text NOT NULL,
	`topics` text,
	`min_predicted_mastery` real DEFAULT 0.95 NOT NULL,
	`min_work_per_target` integer DEFAULT 0 NOT NULL,
	`max_work_on_goal` integer,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goals_course_idx` ON `goals` (`course_id`);--> statement-breakpoint
CREATE TABLE `item_objectives` (
	`course_id` text NOT NULL,
	`item_id` text NOT NULL,
	`objective_id` text NOT NULL,
	PRIMARY KEY(`course_id`, `item_id`, `objective_id`),
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `item_objectives_objective_idx` ON `item_objectives` (`objective_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`course_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`position` integer,
	`mandatory` integer DEFAULT true NOT NULL,
	`due_at` text,
	`due_after_days` integer,
	`min_score` real,
	`max_attempts` integer,
	`requires_correction` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`course_id`, `id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` text,
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`item_id` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`ts` integer NOT NULL,
	`day` text NOT NULL,
	`success` integer,
	`score` real,
	`duration_ms` integer,
	`goal_id` text
);
--> statement-breakpoint
CREATE INDEX `events_course_user_ts_idx` ON `events` (`course_id`,`user_id`,`ts`);--> statement-breakpoint
CREATE INDEX `events_user_ts_idx` ON `events` (`user_id`,`ts`);--> statement-breakpoint
CREATE INDEX `events_statement_idx` ON `events` (`statement_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` text PRIMARY KEY NOT NULL,
	`raw` text NOT NULL,
	`fingerprint` text NOT NULL,
	`stored` text NOT NULL,
	`authority` text,
	`verb` text NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`voids_id` text
);
--> statement-breakpoint
CREATE INDEX `statements_voids_idx` ON `statements` (`voids_id`);--> statement-breakpoint
CREATE TABLE `course_state` (
	`course_id` text PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`ranges` text,
	`ranges_stale` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `learner_day` (
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
);
--> statement-breakpoint
CREATE INDEX `learner_day_course_day_idx` ON `learner_day` (`course_id`,`day`);--> statement-breakpoint
CREATE TABLE `learner_item_day` (
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
);
--> statement-breakpoint
CREATE TABLE `learner_summary` (
	`course_id` text NOT NULL,
	`user_id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`mode` text NOT NULL,
	`cohort` text,
	`enrolled_at` text NOT NULL,
	`is_active` integer NOT NULL,
	`problems_attempted` integer DEFAULT 0 NOT NULL,
	`problems_completed` integer DEFAULT 0 NOT NULL,
	`problem_attempts` integer DEFAULT 0 NOT NULL,
	`attempt_ratio` real,
	`attempt_ratio_order` integer DEFAULT 0 NOT NULL,
	`videos_viewed` integer DEFAULT 0 NOT NULL,
	`discussion_contributions` integer DEFAULT 0 NOT NULL,
	`days_active` integer DEFAULT 0 NOT NULL,
	`days_active_prev` integer DEFAULT 0 NOT NULL,
	`last_active_day` text,
	`segments` integer,
	PRIMARY KEY(`course_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `learner_summary_username_idx` ON `learner_summary` (`course_id`,`username`);--> statement-breakpoint
CREATE INDEX `learner_summary_segments_idx` ON `learner_summary` (`course_id`,`segments`);