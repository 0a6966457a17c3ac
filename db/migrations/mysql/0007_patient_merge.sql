ALTER TABLE `users` ADD `merged_into_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_at` datetime(3);