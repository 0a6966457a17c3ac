ALTER TABLE `users` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_at` integer;