/** The per-field defaults of a patient merge and the allergy union (pure; no database). */
import { describe, expect, it } from 'vitest';
import type { PatientProfileRow } from '@/db/repositories/patient-profiles';
import { defaultMergeChoices, unionAllergies } from './merge-patients';

function row(user: Partial<PatientProfileRow['user']>, patient: Partial<PatientProfileRow['patient']>): PatientProfileRow {
  return {
    user: { id: 1, email: null, name: 'X', nameFolded: 'x', role: 'patient', phone: null, address: null, isActive: true, dateJoined: new Date(0), passwordHash: null, mustChangePassword: false, sessionVersion: 1, updatedAt: new Date(0), mergedIntoId: null, mergedAt: null, ...user },
    patient: { id: 1, userId: 1, patientNumber: 'EH-1', dateOfBirth: null, sex: 'unknown', bloodType: null, allergies: [], medicalHistory: null, emergencyContactName: null, emergencyContactRelationship: null, emergencyContactPhone: null, createdAt: new Date(0), updatedAt: new Date(0), ...patient },
  };
}

describe('defaultMergeChoices', () => {
  it('keeps the survivor\'s values, takes the merged one where the survivor\'s is empty, joins two different histories', () => {
    const s = row({ name: 'Amina', phone: null, email: 'a@x.org' }, { dateOfBirth: '1980-01-01', sex: 'unknown', medicalHistory: 'HTN' });
    const m = row({ name: 'Amina K', phone: '+254712000111', email: 'b@x.org' }, { dateOfBirth: '1981-01-01', sex: 'female', medicalHistory: 'Asthma', bloodType: 'O+' });
    expect(defaultMergeChoices(s, m)).toEqual({
      name: 'survivor', date_of_birth: 'survivor', gender: 'merged', email: 'survivor', phone: 'merged', address: 'survivor',
      blood_type: 'merged', medical_history: 'both', emergency_contact_info: 'survivor',
    });
    expect(defaultMergeChoices(s, m, { name: 'merged', medical_history: 'survivor' })).toMatchObject({ name: 'merged', medical_history: 'survivor' });
    expect(defaultMergeChoices(s, row({}, { medicalHistory: ' HTN ' })).medical_history).toBe('survivor');
  });
});

describe('unionAllergies', () => {
  it('adds the merged record\'s other substances, one per substance whatever the case or accents, filling gaps', () => {
    const out = unionAllergies([{ substance: 'Pénicilline' }], [{ substance: 'penicilline', reaction: 'Rash', severity: 'severe' }, { substance: 'Aspirin' }]);
    expect(out).toEqual({ allergies: [{ substance: 'Pénicilline', reaction: 'Rash', severity: 'severe' }, { substance: 'Aspirin' }], added: ['Aspirin'] });
  });
});
