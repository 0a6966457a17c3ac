CREATE TABLE `database_flags` (
	`name` varchar(64) NOT NULL,
	`set_at` datetime(3) NOT NULL,
	CONSTRAINT `database_flags_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `locks` (
	`name` varchar(64) NOT NULL,
	`taken_count` int NOT NULL,
	CONSTRAINT `locks_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
INSERT INTO `database_flags` (`name`, `set_at`) SELECT `name`, UTC_TIMESTAMP(3) FROM `sequences` WHERE `name` IN ('real_clinic_mark', 'dashboard_stats_built_v2');
--> statement-breakpoint
DELETE FROM `sequences` WHERE `name` IN ('real_clinic_mark', 'dashboard_stats_built_v2', 'demo_seed', 'fhir_import');
