CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`session_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`doctor_id` integer NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`notes` text,
	`cancellation_reason` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_doctor_start_idx` ON `appointments` (`doctor_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient_start_idx` ON `appointments` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_status_start_idx` ON `appointments` (`status`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_start_idx` ON `appointments` (`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_created_by_idx` ON `appointments` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_kind` text NOT NULL,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` integer,
	`patient_id` integer,
	`outcome` text NOT NULL,
	`client_address` text,
	`request_id` text,
	`details` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_events` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_patient_at_idx` ON `audit_events` (`patient_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_events` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `diagnoses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`system` text NOT NULL,
	`code` text,
	`display` text NOT NULL,
	`diagnosis_rank` text NOT NULL,
	`certainty` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `medical_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnoses_record_idx` ON `diagnoses` (`record_id`);--> statement-breakpoint
CREATE INDEX `diagnoses_code_idx` ON `diagnoses` (`system`,`code`);--> statement-breakpoint
CREATE TABLE `external_ids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`system` text NOT NULL,
	`resource_type` text NOT NULL,
	`external_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_ids_key_uq` ON `external_ids` (`system`,`resource_type`,`external_id`);--> statement-breakpoint
CREATE INDEX `external_ids_entity_idx` ON `external_ids` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `medical_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`doctor_id` integer NOT NULL,
	`appointment_id` integer,
	`symptoms` text,
	`notes` text,
	`systolic_mmhg` integer,
	`diastolic_mmhg` integer,
	`temperature_c` real,
	`weight_kg` real,
	`height_cm` real,
	`heart_rate_per_min` integer,
	`respiratory_rate_per_min` integer,
	`spo2_pct` integer,
	`status` text NOT NULL,
	`status_reason` text,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_patient_created_idx` ON `medical_records` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_doctor_created_idx` ON `medical_records` (`doctor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_appointment_idx` ON `medical_records` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `records_status_created_idx` ON `medical_records` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `records_created_idx` ON `medical_records` (`created_at`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`patient_number` text NOT NULL,
	`date_of_birth` text,
	`sex` text NOT NULL,
	`blood_type` text,
	`allergies` text NOT NULL,
	`medical_history` text,
	`emergency_contact_name` text,
	`emergency_contact_relationship` text,
	`emergency_contact_phone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_user_uq` ON `patients` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `patients_number_uq` ON `patients` (`patient_number`);--> statement-breakpoint
CREATE INDEX `patients_dob_idx` ON `patients` (`date_of_birth`);--> statement-breakpoint
CREATE INDEX `patients_created_idx` ON `patients` (`created_at`);--> statement-breakpoint
CREATE TABLE `practitioners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`specialty` text NOT NULL,
	`bookable` integer NOT NULL,
	`slot_minutes` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practitioners_user_uq` ON `practitioners` (`user_id`);--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`medicine` text NOT NULL,
	`code_system` text,
	`code` text,
	`strength` text,
	`dose` text,
	`route` text,
	`frequency` text,
	`duration` text,
	`instructions` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `medical_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescriptions_record_idx` ON `prescriptions` (`record_id`);--> statement-breakpoint
CREATE INDEX `prescriptions_code_idx` ON `prescriptions` (`code_system`,`code`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`client_address` text,
	`user_id` integer,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_in_email_at_idx` ON `sign_in_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_address_at_idx` ON `sign_in_attempts` (`client_address`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_user_idx` ON `sign_in_attempts` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`role` text NOT NULL,
	`phone` text,
	`address` text,
	`is_active` integer NOT NULL,
	`date_joined` integer NOT NULL,
	`password_hash` text,
	`must_change_password` integer NOT NULL,
	`session_version` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`,`name_folded`);--> statement-breakpoint
CREATE INDEX `users_name_folded_idx` ON `users` (`name_folded`);--> statement-breakpoint
CREATE INDEX `users_phone_idx` ON `users` (`phone`);