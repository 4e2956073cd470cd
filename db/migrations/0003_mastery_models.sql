CREATE TABLE `mastery_models` (
	`objective_id` text PRIMARY KEY NOT NULL,
	`prior` real NOT NULL,
	`learn` real NOT NULL,
	`guess` real NOT NULL,
	`slip` real NOT NULL,
	`forget` real NOT NULL,
	`fitted` integer NOT NULL,
	`attempts` integer NOT NULL,
	`users` integer NOT NULL,
	`log_likelihood` real,
	`fitted_at` text NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE cascade
);
