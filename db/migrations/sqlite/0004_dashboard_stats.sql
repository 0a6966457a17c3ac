CREATE TABLE `stats_diagnoses_daily` (
	`visit_day` integer NOT NULL,
	`system` text NOT NULL,
	`code` text NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_diagnoses_daily_uq` ON `stats_diagnoses_daily` (`visit_day`,`system`,`code`);--> statement-breakpoint
CREATE TABLE `stats_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`source_id` integer NOT NULL,
	`visit_day` integer NOT NULL,
	`doctor_id` integer NOT NULL,
	`patient_id` integer NOT NULL,
	`sex` text NOT NULL,
	`age_band` integer,
	`prev_day` integer,
	`dx_keys` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_visits_source_uq` ON `stats_visits` (`source`,`source_id`);--> statement-breakpoint
CREATE INDEX `stats_visits_first_idx` ON `stats_visits` (`visit_day`,`prev_day`,`sex`,`age_band`);--> statement-breakpoint
CREATE INDEX `stats_visits_patient_idx` ON `stats_visits` (`patient_id`,`visit_day`);--> statement-breakpoint
CREATE TABLE `stats_visits_daily` (
	`visit_day` integer NOT NULL,
	`doctor_id` integer NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_visits_daily_uq` ON `stats_visits_daily` (`visit_day`,`doctor_id`);