CREATE TABLE `stats_patients_daily` (
	`registered_day` int NOT NULL,
	`n` int NOT NULL,
	CONSTRAINT `stats_patients_daily_uq` UNIQUE(`registered_day`)
);
