CREATE TABLE `diagnosis_favourites` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`system` varchar(16) NOT NULL,
	`code` varchar(32) NOT NULL,
	`position` int NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `diagnosis_favourites_id` PRIMARY KEY(`id`),
	CONSTRAINT `diagnosis_favourites_code_uq` UNIQUE(`system`,`code`)
);
--> statement-breakpoint
ALTER TABLE `medical_records` ADD `allergy_override` json;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_into_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `users` ADD `merged_at` datetime(3);--> statement-breakpoint
CREATE INDEX `diagnosis_favourites_position_idx` ON `diagnosis_favourites` (`position`);