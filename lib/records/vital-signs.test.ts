import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from '@/lib/errors';
import {
  VITAL_FIELD_ORDER, VITAL_LIMITS, VITAL_SIGN_DEFS, bmiOf, checkVitalValue, plausibleVitals, serializeVitalSigns, vitalColumns, vitalFlags,
  vitalSignsFromForm, vitalSignsInputSchema, type VitalSigns,
} from './vital-signs';

/** A valid blood pressure, so single-field tests do not trip the pair rule. */
const BP = { systolic_mmhg: 120, diastolic_mmhg: 80 };

function ok(input: unknown): VitalSigns {
  const r = vitalSignsInputSchema.safeParse(input);
  if (!r.success) throw new Error(`expected success, got ${JSON.stringify(zodFieldErrors(r.error.issues))}`);
  return r.data;
}
function errors(input: unknown): Record<string, string[]> {
  const r = vitalSignsInputSchema.safeParse(input);
  if (r.success) throw new Error(`expected failure, got ${JSON.stringify(r.data)}`);
  return zodFieldErrors(r.error.issues);
}

describe('vitalSignsInputSchema: plausibility limits', () => {
  // [api name, domain field, lowest accepted, just below, highest accepted, just above]
  const cases: Array<[string, keyof typeof VITAL_LIMITS, number, number, number, number]> = [
    ['temperature_c', 'temperatureC', 25, 24.9, 45, 45.1],
    ['weight_kg', 'weightKg', 0.3, 0.29, 400, 400.01],
    ['height_cm', 'heightCm', 20, 19.9, 250, 250.1],
    ['heart_rate_bpm', 'heartRatePerMin', 20, 19, 250, 251],
    ['respiratory_rate', 'respiratoryRatePerMin', 4, 3, 80, 81],
    ['spo2_pct', 'spo2Pct', 50, 49, 100, 101],
  ];
  it.each(cases)('%s: accepts the limits, refuses just outside', (name, field, lo, below, hi, above) => {
    expect(ok({ [name]: lo })[field]).toBe(lo);
    expect(ok({ [name]: hi })[field]).toBe(hi);
    expect(errors({ [name]: below })[name][0]).toMatch(/must be between/);
    expect(errors({ [name]: above })[name][0]).toMatch(/must be between/);
  });

  it('systolic 50–260 and diastolic 30–160 mmHg', () => {
    expect(ok({ systolic_mmhg: 50, diastolic_mmhg: 30 })).toEqual({ systolicMmHg: 50, diastolicMmHg: 30 });
    expect(ok({ systolic_mmhg: 260, diastolic_mmhg: 160 })).toEqual({ systolicMmHg: 260, diastolicMmHg: 160 });
    expect(errors({ systolic_mmhg: 49, diastolic_mmhg: 30 })).toEqual({ systolic_mmhg: ['Systolic pressure must be between 50 mmHg and 260 mmHg.'] });
    expect(errors({ systolic_mmhg: 261, diastolic_mmhg: 80 })).toEqual({ systolic_mmhg: ['Systolic pressure must be between 50 mmHg and 260 mmHg.'] });
    expect(errors({ systolic_mmhg: 120, diastolic_mmhg: 29 })).toEqual({ diastolic_mmhg: ['Diastolic pressure must be between 30 mmHg and 160 mmHg.'] });
    expect(errors({ systolic_mmhg: 200, diastolic_mmhg: 161 })).toEqual({ diastolic_mmhg: ['Diastolic pressure must be between 30 mmHg and 160 mmHg.'] });
  });

  it('gives clear messages with units', () => {
    expect(errors({ spo2_pct: 101 })).toEqual({ spo2_pct: ['SpO₂ must be between 50% and 100%.'] });
    expect(errors({ temperature_c: 98.6 })).toEqual({ temperature_c: ['Temperature must be between 25 °C and 45 °C.'] });
    expect(errors({ heart_rate_bpm: 300 })).toEqual({ heart_rate_bpm: ['Heart rate must be between 20/min and 250/min.'] });
  });

  it('checks the limits on the stored (rounded) value', () => {
    expect(ok({ weight_kg: 0.295 }).weightKg).toBe(0.3);
    expect(ok({ spo2_pct: 100.4 }).spo2Pct).toBe(100);
    expect(errors({ spo2_pct: 100.5 })).toHaveProperty('spo2_pct');
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(errors({ ...BP, spo2_pct: 120, heart_rate_bpm: 'fast', weight_kg: -1 })).sort()).toEqual(['heart_rate_bpm', 'spo2_pct', 'weight_kg']);
  });
});

describe('vitalSignsInputSchema: blood pressure is a pair, systolic above diastolic', () => {
  it('refuses systolic at or below diastolic', () => {
    expect(errors({ systolic_mmhg: 80, diastolic_mmhg: 80 })).toEqual({ systolic_mmhg: ['Systolic (80) must be higher than diastolic (80): check the order.'] });
    expect(errors({ systolic_mmhg: 80, diastolic_mmhg: 120 })).toHaveProperty('systolic_mmhg');
    expect(ok({ systolic_mmhg: 81, diastolic_mmhg: 80 })).toEqual({ systolicMmHg: 81, diastolicMmHg: 80 });
  });

  it('refuses one half without the other', () => {
    expect(errors({ systolic_mmhg: 120 })).toEqual({ diastolic_mmhg: ['Enter the diastolic pressure too: blood pressure is a pair.'] });
    expect(errors({ diastolic_mmhg: 80, systolic_mmhg: '' })).toEqual({ systolic_mmhg: ['Enter the systolic pressure too: blood pressure is a pair.'] });
  });

  it('does not add an order error on top of a range error', () => {
    expect(errors({ systolic_mmhg: 40, diastolic_mmhg: 80 })).toEqual({ systolic_mmhg: ['Systolic pressure must be between 50 mmHg and 260 mmHg.'] });
  });
});

describe('vitalSignsInputSchema: temperature in °F', () => {
  it('converts °F to °C, rounds to 0.1 and marks it', () => {
    expect(ok({ temperature_f: 98.6 })).toEqual({ temperatureC: 37, temperatureEnteredF: true });
    expect(ok({ temperature_f: '100.4' })).toEqual({ temperatureC: 38, temperatureEnteredF: true });
    expect(ok({ temperature_f: 101 })).toEqual({ temperatureC: 38.3, temperatureEnteredF: true });
    expect(ok({ temperature_c: 37 })).toEqual({ temperatureC: 37 }); // no mark
  });

  it('checks 25–45 °C after conversion, with the message in °F', () => {
    expect(ok({ temperature_f: 77 }).temperatureC).toBe(25);
    expect(ok({ temperature_f: 113 }).temperatureC).toBe(45);
    expect(errors({ temperature_f: 76.8 })).toEqual({ temperature_f: ['Temperature must be between 77 and 113 °F (25–45 °C).'] });
    expect(errors({ temperature_f: 113.2 })).toHaveProperty('temperature_f');
    expect(errors({ temperature_f: 37 })).toHaveProperty('temperature_f'); // °C typed in the °F box
  });

  it('refuses both temperatures together', () => {
    expect(errors({ temperature_c: 37, temperature_f: 98.6 })).toEqual({ temperature_f: ['Give the temperature in °C or in °F, not both.'] });
    expect(ok({ temperature_c: '', temperature_f: '98.6' })).toEqual({ temperatureC: 37, temperatureEnteredF: true });
  });
});

describe('vitalSignsInputSchema: input forms', () => {
  it('takes numeric strings, a decimal comma and spaces; rounds to the stored decimals', () => {
    expect(ok({
      systolic_mmhg: '120.4', diastolic_mmhg: ' 79.6 ', temperature_c: '37,46', weight_kg: '70.456', height_cm: '175.25',
      heart_rate_bpm: '72', respiratory_rate: 16, spo2_pct: '97.5',
    })).toEqual({
      systolicMmHg: 120, diastolicMmHg: 80, temperatureC: 37.5, weightKg: 70.46, heightCm: 175.3,
      heartRatePerMin: 72, respiratoryRatePerMin: 16, spo2Pct: 98,
    });
  });

  it('treats empty strings, null and missing as absent', () => {
    expect(ok({})).toEqual({});
    expect(ok({ systolic_mmhg: '', diastolic_mmhg: '  ', temperature_c: null, temperature_f: '', weight_kg: undefined })).toEqual({});
  });

  it('refuses what is not a number', () => {
    for (const bad of ['abc', '12a', '1,234.5', '1e3', true, {}, [70], Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(errors({ weight_kg: bad })).toEqual({ weight_kg: ['Enter a number.'] });
    }
    expect(errors('70')).toEqual({ _: ['Vital signs must be an object of numbers.'] });
  });

  it('ignores bmi, flags and unknown names', () => {
    expect(ok({ weight_kg: 70, height_cm: 175, bmi: 99, flags: { weight_kg: 'high' }, pulse: 'x' })).toEqual({ weightKg: 70, heightCm: 175 });
  });

  it('nests its errors under vital_signs inside a record schema', () => {
    const record = z.object({ vital_signs: vitalSignsInputSchema.optional() });
    const r = record.safeParse({ vital_signs: { systolic_mmhg: 300, diastolic_mmhg: 80 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(zodFieldErrors(r.error.issues))).toEqual(['vital_signs.systolic_mmhg']);
  });
});

describe('bmiOf', () => {
  it('is kg/m² to 0.1', () => {
    expect(bmiOf(70, 175)).toBe(22.9);
    expect(bmiOf(50, 160)).toBe(19.5);
    expect(bmiOf(3.4, 50)).toBe(13.6);
  });
  it('is null when either value is missing', () => {
    expect(bmiOf(70, null)).toBeNull();
    expect(bmiOf(undefined, 175)).toBeNull();
    expect(bmiOf(0, 175)).toBeNull();
  });
});

describe('vitalFlags', () => {
  it.each([
    ['systolicMmHg', 89, 'low'], ['systolicMmHg', 90, undefined], ['systolicMmHg', 139, undefined], ['systolicMmHg', 140, 'high'],
    ['diastolicMmHg', 59, 'low'], ['diastolicMmHg', 60, undefined], ['diastolicMmHg', 89, undefined], ['diastolicMmHg', 90, 'high'],
    ['temperatureC', 34.9, 'low'], ['temperatureC', 35, undefined], ['temperatureC', 37.4, undefined], ['temperatureC', 37.5, 'high'],
    ['heartRatePerMin', 59, 'low'], ['heartRatePerMin', 60, undefined], ['heartRatePerMin', 100, undefined], ['heartRatePerMin', 101, 'high'],
    ['respiratoryRatePerMin', 11, 'low'], ['respiratoryRatePerMin', 12, undefined], ['respiratoryRatePerMin', 20, undefined], ['respiratoryRatePerMin', 21, 'high'],
    ['spo2Pct', 93, 'low'], ['spo2Pct', 94, undefined], ['spo2Pct', 100, undefined],
  ] as const)('%s %d → %s', (field, value, flag) => {
    expect(vitalFlags({ [field]: value })[field]).toBe(flag);
  });

  it('flags BMI at 18.5 and 25 (WHO), and never weight or height alone', () => {
    // 1.75 m: 56.6 kg → 18.5; 56.5 kg → 18.4; 76.5 kg → 25.0; 76.4 kg → 24.9
    expect(vitalFlags({ weightKg: 56.5, heightCm: 175 })).toEqual({ bmi: 'low' });
    expect(vitalFlags({ weightKg: 56.6, heightCm: 175 })).toEqual({});
    expect(vitalFlags({ weightKg: 76.4, heightCm: 175 })).toEqual({});
    expect(vitalFlags({ weightKg: 76.5, heightCm: 175 })).toEqual({ bmi: 'high' });
    expect(vitalFlags({ weightKg: 300 })).toEqual({});
  });

  it('gives children no adult flags for heart rate, respiratory rate, blood pressure or BMI', () => {
    const v = { systolicMmHg: 85, diastolicMmHg: 50, heartRatePerMin: 120, respiratoryRatePerMin: 30, weightKg: 12, heightCm: 90, temperatureC: 38.2, spo2Pct: 90 };
    expect(vitalFlags(v, { ageYears: 3 })).toEqual({ temperatureC: 'high', spo2Pct: 'low' });
    expect(vitalFlags(v, { ageYears: 17 })).toEqual({ temperatureC: 'high', spo2Pct: 'low' });
    expect(vitalFlags(v, { ageYears: 18 })).toEqual({
      systolicMmHg: 'low', diastolicMmHg: 'low', heartRatePerMin: 'high', respiratoryRatePerMin: 'high', temperatureC: 'high', spo2Pct: 'low', bmi: 'low',
    });
    expect(vitalFlags(v)).toEqual(vitalFlags(v, { ageYears: 40 })); // unknown age: adult
  });

  it('ignores nulls from the database', () => {
    expect(vitalFlags({ systolicMmHg: null, temperatureC: null, heartRatePerMin: 130 })).toEqual({ heartRatePerMin: 'high' });
  });
});

describe('serializeVitalSigns', () => {
  const row = {
    systolicMmHg: 150, diastolicMmHg: 95, temperatureC: 37, weightKg: 70, heightCm: 175,
    heartRatePerMin: 72, respiratoryRatePerMin: 16, spo2Pct: 97,
  };

  it('gives the API shape with bmi and flags, omitting absent values', () => {
    expect(serializeVitalSigns(row)).toEqual({
      systolic_mmhg: 150, diastolic_mmhg: 95, temperature_c: 37, weight_kg: 70, height_cm: 175,
      heart_rate_bpm: 72, respiratory_rate: 16, spo2_pct: 97, bmi: 22.9, flags: { systolic_mmhg: 'high', diastolic_mmhg: 'high' },
    });
    expect(serializeVitalSigns({ systolicMmHg: null, diastolicMmHg: null, temperatureC: 36.8, weightKg: 70, heightCm: null, heartRatePerMin: null, respiratoryRatePerMin: null, spo2Pct: null }))
      .toEqual({ temperature_c: 36.8, weight_kg: 70 });
    expect(serializeVitalSigns({ weightKg: 40, heightCm: 160 }).flags).toEqual({ bmi: 'low' });
    expect(serializeVitalSigns({ systolicMmHg: 150, diastolicMmHg: 95 }, { ageYears: 10 })).toEqual({ systolic_mmhg: 150, diastolic_mmhg: 95 });
  });

  it('round-trips through the input schema', () => {
    const api = serializeVitalSigns(row);
    expect(ok(api)).toEqual(row); // bmi and flags are ignored on input
    expect(serializeVitalSigns(ok(api))).toEqual(api);
    const fromF = ok({ ...BP, temperature_f: 98.6 });
    expect(serializeVitalSigns(fromF)).toEqual({ ...BP, temperature_c: 37 });
  });

  it('vitalColumns fills all eight columns for the database', () => {
    expect(vitalColumns(ok({ ...BP, temperature_f: 98.6 }))).toEqual({
      systolicMmHg: 120, diastolicMmHg: 80, temperatureC: 37, weightKg: null, heightCm: null, heartRatePerMin: null, respiratoryRatePerMin: null, spo2Pct: null,
    });
  });
});

describe('VITAL_SIGN_DEFS', () => {
  it('codes each vital with the LOINC list the import uses', () => {
    expect(Object.fromEntries(Object.values(VITAL_SIGN_DEFS).map((d) => [d.field, [d.apiName, d.loinc, d.unit, d.decimals]]))).toEqual({
      systolicMmHg: ['systolic_mmhg', '8480-6', 'mmHg', 0],
      diastolicMmHg: ['diastolic_mmhg', '8462-4', 'mmHg', 0],
      temperatureC: ['temperature_c', '8310-5', '°C', 1],
      weightKg: ['weight_kg', '29463-7', 'kg', 2],
      heightCm: ['height_cm', '8302-2', 'cm', 1],
      heartRatePerMin: ['heart_rate_bpm', '8867-4', '/min', 0],
      respiratoryRatePerMin: ['respiratory_rate', '9279-1', '/min', 0],
      spo2Pct: ['spo2_pct', '59408-5', '%', 0],
      bmi: ['bmi', '39156-5', 'kg/m²', 1],
    });
    expect(VITAL_SIGN_DEFS.systolicMmHg.panel).toEqual({ loinc: '85354-9', display: 'Blood pressure panel with all children optional' });
    expect(VITAL_SIGN_DEFS.spo2Pct.loincDisplay).toBe('Oxygen saturation in Arterial blood by Pulse oximetry');
    expect(VITAL_SIGN_DEFS.bmi).toMatchObject({ ucum: 'kg/m2', readOnly: true });
    expect(Object.keys(VITAL_SIGN_DEFS)).toEqual([...VITAL_FIELD_ORDER, 'bmi']);
  });
});

describe('vitalSignsFromForm', () => {
  it('builds the input object from vital_signs.* inputs', () => {
    const f = new FormData();
    f.set('vital_signs.systolic_mmhg', '120');
    f.set('vital_signs.diastolic_mmhg', '80');
    f.set('vital_signs.weight_kg', '');
    f.set('vital_signs.spo2_pct', '97');
    f.set('vital_signs.bogus', '1');
    f.set('notes', 'hello');
    f.set('vital_signs.height_cm', new Blob(['x']));
    expect(vitalSignsFromForm(f)).toEqual({ systolic_mmhg: '120', diastolic_mmhg: '80', weight_kg: '', spo2_pct: '97' });
    expect(ok(vitalSignsFromForm(f))).toEqual({ systolicMmHg: 120, diastolicMmHg: 80, spo2Pct: 97 });
  });

  it('maps the single temperature input and its unit radio to temperature_c or temperature_f', () => {
    const f = new FormData();
    f.set('vital_signs.temperature', '98.6');
    f.set('vital_signs.temperature_unit', 'F');
    expect(vitalSignsFromForm(f)).toEqual({ temperature_f: '98.6' });
    expect(ok(vitalSignsFromForm(f))).toEqual({ temperatureC: 37, temperatureEnteredF: true });
    f.set('vital_signs.temperature_unit', 'C');
    expect(vitalSignsFromForm(f)).toEqual({ temperature_c: '98.6' });
    f.delete('vital_signs.temperature_unit');
    expect(vitalSignsFromForm(f)).toEqual({ temperature_c: '98.6' }); // °C by default
    f.set('vital_signs.temperature', '');
    expect(vitalSignsFromForm(f)).toEqual({});
  });

  it('reads the flat object the action wrapper parses, and another prefix', () => {
    expect(vitalSignsFromForm({ 'vital_signs.heart_rate_bpm': '72', name: 'x' })).toEqual({ heart_rate_bpm: '72' });
    expect(vitalSignsFromForm({ 'vitals.heart_rate_bpm': '72' }, 'vitals')).toEqual({ heart_rate_bpm: '72' });
  });
});

describe('live feedback helpers (same rules as the schema)', () => {
  it('checkVitalValue reads, converts, rounds and checks one value', () => {
    expect(checkVitalValue('weightKg', '')).toEqual({ status: 'absent' });
    expect(checkVitalValue('weightKg', 'x')).toEqual({ status: 'not_a_number', message: 'Enter a number.' });
    expect(checkVitalValue('temperatureC', '98.6', { enteredF: true })).toEqual({ status: 'ok', value: 37 });
    expect(checkVitalValue('temperatureC', '98.6')).toEqual({ status: 'out_of_range', value: 98.6, message: 'Temperature must be between 25 °C and 45 °C.' });
    expect(checkVitalValue('weightKg', '70,456')).toEqual({ status: 'ok', value: 70.46 });
  });

  it('plausibleVitals keeps the values that pass alone, ignoring the rules between fields', () => {
    expect(plausibleVitals({ systolic_mmhg: '150', spo2_pct: '120', temperature_f: '100.4', weight_kg: 'abc' }))
      .toEqual({ systolicMmHg: 150, temperatureC: 38, temperatureEnteredF: true });
    expect(plausibleVitals({ temperature_c: '37', temperature_f: '100.4' })).toEqual({ temperatureC: 37 });
  });
});
