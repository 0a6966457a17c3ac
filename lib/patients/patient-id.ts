/**
 * `patient_id` in requests (booking, charting, the `patient_id` filters and the patient history) is the
 * patient's USER id — `user_id` of the patient profile, the `id` of `/api/users/{id}/` — never the profile
 * `id` that `POST /api/patient-profiles/` answers as `id`: the two id spaces overlap, so a profile id
 * names another person. Every such field carries this description in the OpenAPI document.
 */
export const PATIENT_ID_DESCRIPTION = 'The patient\'s user id (`user_id` of the patient profile), not the profile `id`.';
