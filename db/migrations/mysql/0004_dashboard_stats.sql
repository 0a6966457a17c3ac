CREATE TABLE `stats_diagnoses_daily` (
	`visit_day` int NOT NULL,
	`system` varchar(16) NOT NULL,
	`code` varchar(32) NOT NULL,
	`n` int NOT NULL,
	CONSTRAINT `stats_diagnoses_daily_uq` UNIQUE(`visit_day`,`system`,`code`)
);
--> statement-breakpoint
CREATE TABLE `stats_visits` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`source` varchar(12) NOT NULL,
	`source_id` int NOT NULL,
	`visit_day` int NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`patient_id` bigint unsigned NOT NULL,
	`sex` varchar(8) NOT NULL,
	`age_band` int,
	`prev_day` int,
	`dx_keys` text NOT NULL,
	CONSTRAINT `stats_visits_id` PRIMARY KEY(`id`),
	CONSTRAINT `stats_visits_source_uq` UNIQUE(`source`,`source_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_visits_daily` (
	`visit_day` int NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`n` int NOT NULL,
	CONSTRAINT `stats_visits_daily_uq` UNIQUE(`visit_day`,`doctor_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_visits_first_idx` ON `stats_visits` (`visit_day`,`prev_day`,`sex`,`age_band`);--> statement-breakpoint
CREATE INDEX `stats_visits_patient_idx` ON `stats_visits` (`patient_id`,`visit_day`);