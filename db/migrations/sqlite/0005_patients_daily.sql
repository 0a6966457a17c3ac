CREATE TABLE `stats_patients_daily` (
	`registered_day` integer NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_patients_daily_uq` ON `stats_patients_daily` (`registered_day`);