CREATE TABLE `api_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`session_version` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	CONSTRAINT `api_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`patient_id` bigint unsigned NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`start_at` datetime(3) NOT NULL,
	`end_at` datetime(3) NOT NULL,
	`status` varchar(16) NOT NULL,
	`reason` text,
	`notes` text,
	`cancellation_reason` text,
	`created_by_id` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `appointments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` datetime(3) NOT NULL,
	`actor_user_id` bigint unsigned,
	`actor_kind` varchar(8) NOT NULL,
	`action` varchar(64) NOT NULL,
	`entity` varchar(32),
	`entity_id` bigint unsigned,
	`patient_id` bigint unsigned,
	`outcome` varchar(8) NOT NULL,
	`client_address` varchar(64),
	`request_id` varchar(64),
	`details` json,
	CONSTRAINT `audit_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `diagnoses` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`record_id` bigint unsigned NOT NULL,
	`system` varchar(16) NOT NULL,
	`code` varchar(32),
	`display` varchar(255) NOT NULL,
	`diagnosis_rank` varchar(16) NOT NULL,
	`certainty` varchar(16) NOT NULL,
	`position` int NOT NULL,
	CONSTRAINT `diagnoses_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `external_ids` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`system` varchar(200) NOT NULL,
	`resource_type` varchar(40) NOT NULL,
	`external_id` varchar(128) NOT NULL,
	`entity` varchar(32) NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `external_ids_id` PRIMARY KEY(`id`),
	CONSTRAINT `external_ids_key_uq` UNIQUE(`system`,`resource_type`,`external_id`)
);
--> statement-breakpoint
CREATE TABLE `medical_records` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`patient_id` bigint unsigned NOT NULL,
	`doctor_id` bigint unsigned NOT NULL,
	`appointment_id` bigint unsigned,
	`symptoms` text,
	`notes` text,
	`systolic_mmhg` int,
	`diastolic_mmhg` int,
	`temperature_c` double,
	`weight_kg` double,
	`height_cm` double,
	`heart_rate_per_min` int,
	`respiratory_rate_per_min` int,
	`spo2_pct` int,
	`status` varchar(24) NOT NULL,
	`status_reason` text,
	`version` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `medical_records_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `patients` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`patient_number` varchar(24) NOT NULL,
	`date_of_birth` date,
	`sex` varchar(8) NOT NULL,
	`blood_type` varchar(3),
	`allergies` json NOT NULL,
	`medical_history` text,
	`emergency_contact_name` varchar(200),
	`emergency_contact_relationship` varchar(60),
	`emergency_contact_phone` varchar(32),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `patients_id` PRIMARY KEY(`id`),
	CONSTRAINT `patients_user_uq` UNIQUE(`user_id`),
	CONSTRAINT `patients_number_uq` UNIQUE(`patient_number`)
);
--> statement-breakpoint
CREATE TABLE `practitioners` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`specialty` varchar(120) NOT NULL,
	`bookable` boolean NOT NULL,
	`slot_minutes` int NOT NULL,
	CONSTRAINT `practitioners_id` PRIMARY KEY(`id`),
	CONSTRAINT `practitioners_user_uq` UNIQUE(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`record_id` bigint unsigned NOT NULL,
	`medicine` varchar(255) NOT NULL,
	`code_system` varchar(16),
	`code` varchar(32),
	`strength` varchar(64),
	`dose` varchar(64),
	`route` varchar(32),
	`frequency` varchar(64),
	`duration` varchar(64),
	`instructions` text,
	`position` int NOT NULL,
	CONSTRAINT `prescriptions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sequences` (
	`name` varchar(64) NOT NULL,
	`value` int NOT NULL,
	CONSTRAINT `sequences_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(254),
	`client_address` varchar(64),
	`user_id` bigint unsigned,
	`succeeded` boolean NOT NULL,
	`at` datetime(3) NOT NULL,
	CONSTRAINT `sign_in_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(254),
	`name` varchar(200) NOT NULL,
	`name_folded` varchar(200) NOT NULL,
	`role` varchar(16) NOT NULL,
	`phone` varchar(32),
	`address` text,
	`is_active` boolean NOT NULL,
	`date_joined` datetime(3) NOT NULL,
	`password_hash` varchar(255),
	`must_change_password` boolean NOT NULL,
	`session_version` int NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
ALTER TABLE `api_tokens` ADD CONSTRAINT `api_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointments` ADD CONSTRAINT `appointments_patient_id_users_id_fk` FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointments` ADD CONSTRAINT `appointments_doctor_id_users_id_fk` FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `appointments` ADD CONSTRAINT `appointments_created_by_id_users_id_fk` FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_actor_user_id_users_id_fk` FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_patient_id_users_id_fk` FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `diagnoses` ADD CONSTRAINT `diagnoses_record_id_medical_records_id_fk` FOREIGN KEY (`record_id`) REFERENCES `medical_records`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `medical_records` ADD CONSTRAINT `medical_records_patient_id_users_id_fk` FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `medical_records` ADD CONSTRAINT `medical_records_doctor_id_users_id_fk` FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `medical_records` ADD CONSTRAINT `medical_records_appointment_id_appointments_id_fk` FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `patients` ADD CONSTRAINT `patients_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `practitioners` ADD CONSTRAINT `practitioners_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `prescriptions` ADD CONSTRAINT `prescriptions_record_id_medical_records_id_fk` FOREIGN KEY (`record_id`) REFERENCES `medical_records`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sign_in_attempts` ADD CONSTRAINT `sign_in_attempts_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE INDEX `appointments_doctor_start_idx` ON `appointments` (`doctor_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient_start_idx` ON `appointments` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_status_start_idx` ON `appointments` (`status`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_start_idx` ON `appointments` (`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_created_by_idx` ON `appointments` (`created_by_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_events` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_patient_at_idx` ON `audit_events` (`patient_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_events` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `diagnoses_record_idx` ON `diagnoses` (`record_id`);--> statement-breakpoint
CREATE INDEX `diagnoses_code_idx` ON `diagnoses` (`system`,`code`);--> statement-breakpoint
CREATE INDEX `external_ids_entity_idx` ON `external_ids` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `records_patient_created_idx` ON `medical_records` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_doctor_created_idx` ON `medical_records` (`doctor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_appointment_idx` ON `medical_records` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `records_status_created_idx` ON `medical_records` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_created_idx` ON `medical_records` (`created_at`);--> statement-breakpoint
CREATE INDEX `patients_dob_idx` ON `patients` (`date_of_birth`);--> statement-breakpoint
CREATE INDEX `patients_created_idx` ON `patients` (`created_at`);--> statement-breakpoint
CREATE INDEX `prescriptions_record_idx` ON `prescriptions` (`record_id`);--> statement-breakpoint
CREATE INDEX `prescriptions_code_idx` ON `prescriptions` (`code_system`,`code`);--> statement-breakpoint
CREATE INDEX `sign_in_email_at_idx` ON `sign_in_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_address_at_idx` ON `sign_in_attempts` (`client_address`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_user_idx` ON `sign_in_attempts` (`user_id`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`,`name_folded`);--> statement-breakpoint
CREATE INDEX `users_name_folded_idx` ON `users` (`name_folded`);--> statement-breakpoint
CREATE INDEX `users_phone_idx` ON `users` (`phone`);