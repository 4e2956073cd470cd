ALTER TABLE `users` ADD `location` text;--> statement-breakpoint
ALTER TABLE `users` ADD `mailing_address` text;--> statement-breakpoint
ALTER TABLE `users` ADD `goals` text;