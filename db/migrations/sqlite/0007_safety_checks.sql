CREATE TABLE `diagnosis_favourites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`system` text NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diagnosis_favourites_code_uq` ON `diagnosis_favourites` (`system`,`code`);--> statement-breakpoint
CREATE INDEX `diagnosis_favourites_position_idx` ON `diagnosis_favourites` (`position`);--> statement-breakpoint
ALTER TABLE `medical_records` ADD `allergy_override` text;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_at` integer;