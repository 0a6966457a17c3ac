CREATE TABLE `database_flags` (
	`name` text PRIMARY KEY NOT NULL,
	`set_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `locks` (
	`name` text PRIMARY KEY NOT NULL,
	`taken_count` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `database_flags` (`name`, `set_at`) SELECT `name`, CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM `sequences` WHERE `name` IN ('real_clinic_mark', 'dashboard_stats_built_v2');
--> statement-breakpoint
DELETE FROM `sequences` WHERE `name` IN ('real_clinic_mark', 'dashboard_stats_built_v2', 'demo_seed', 'fhir_import');
