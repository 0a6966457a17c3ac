CREATE TABLE `appointment_cells` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`appointment_id` bigint unsigned NOT NULL,
	`party` varchar(8) NOT NULL,
	`party_id` bigint unsigned NOT NULL,
	`cell_start` datetime(3) NOT NULL,
	CONSTRAINT `appointment_cells_id` PRIMARY KEY(`id`),
	CONSTRAINT `appointment_cells_party_cell_uq` UNIQUE(`party`,`party_id`,`cell_start`)
);
--> statement-breakpoint
CREATE TABLE `appointment_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`appointment_id` bigint unsigned NOT NULL,
	`at` datetime(3) NOT NULL,
	`actor_user_id` bigint unsigned,
	`from_status` varchar(16),
	`to_status` varchar(16) NOT NULL,
	`from_start_at` datetime(3),
	`to_start_at` datetime(3),
	`note` text,
	CONSTRAINT `appointment_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`appointment_id` bigint unsigned NOT NULL,
	`channel` varchar(8) NOT NULL,
	`kind` varchar(8) NOT NULL,
	`due_at` datetime(3) NOT NULL,
	`status` varchar(12) NOT NULL,
	`attempts` int NOT NULL,
	`next_attempt_at` datetime(3) NOT NULL,
	`claim_token` varchar(64),
	`claimed_at` datetime(3),
	`sent_at` datetime(3),
	`last_error` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `reminders_id` PRIMARY KEY(`id`),
	CONSTRAINT `reminders_appointment_kind_uq` UNIQUE(`appointment_id`,`channel`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`start_date` date NOT NULL,
	`end_date` date NOT NULL,
	`reason` varchar(200),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `time_off_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `working_hours` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`weekday` int NOT NULL,
	`start_minute` int NOT NULL,
	`end_minute` int NOT NULL,
	CONSTRAINT `working_hours_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `appointment_cells` ADD CONSTRAINT `appointment_cells_appointment_id_appointments_id_fk` FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointment_cells` ADD CONSTRAINT `appointment_cells_party_id_users_id_fk` FOREIGN KEY (`party_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointment_events` ADD CONSTRAINT `appointment_events_appointment_id_appointments_id_fk` FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointment_events` ADD CONSTRAINT `appointment_events_actor_user_id_users_id_fk` FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `reminders` ADD CONSTRAINT `reminders_appointment_id_appointments_id_fk` FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `time_off` ADD CONSTRAINT `time_off_doctor_id_users_id_fk` FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `working_hours` ADD CONSTRAINT `working_hours_doctor_id_users_id_fk` FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `appointment_cells_appointment_idx` ON `appointment_cells` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `appointment_cells_party_idx` ON `appointment_cells` (`party_id`);--> statement-breakpoint
CREATE INDEX `appointment_events_appointment_idx` ON `appointment_events` (`appointment_id`,`at`);--> statement-breakpoint
CREATE INDEX `appointment_events_actor_idx` ON `appointment_events` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `reminders_status_next_idx` ON `reminders` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `time_off_doctor_idx` ON `time_off` (`doctor_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `working_hours_doctor_idx` ON `working_hours` (`doctor_id`,`weekday`);