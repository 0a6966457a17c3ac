import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VITAL_FIELDS, VITAL_SIGN_CODES, toVitalValue } from './vital-signs';
import { dimensionOf } from './units';

describe('vital-sign LOINC table', () => {
  it('maps every code the record stores to its column', () => {
    expect(Object.fromEntries(Object.values(VITAL_SIGN_CODES).filter((c) => c.field).map((c) => [c.code, c.field]))).toEqual({
      '8480-6': 'systolicMmHg', '8462-4': 'diastolicMmHg', '8310-5': 'temperatureC', '8331-1': 'temperatureC',
      '29463-7': 'weightKg', '8302-2': 'heightCm', '8867-4': 'heartRatePerMin', '9279-1': 'respiratoryRatePerMin',
      '2708-6': 'spo2Pct', '59408-5': 'spo2Pct',
    });
    expect(VITAL_SIGN_CODES['85354-9'].components).toEqual(['8480-6', '8462-4']);
    expect(VITAL_SIGN_CODES['55284-4'].components).toEqual(['8480-6', '8462-4']);
    expect(VITAL_SIGN_CODES['39156-5'].field).toBeNull(); // BMI is derived, not stored
  });

  it('uses a unit of the right dimension for each column, matching the LOINC table in the sample data', () => {
    for (const c of Object.values(VITAL_SIGN_CODES)) if (c.field) expect(dimensionOf(c.unit)).toBe(dimensionOf(VITAL_FIELDS[c.field].unit));
    const csv = path.resolve(process.cwd(), '..', 'shared', 'data', 'vocab', 'loinc-vital-signs.csv');
    if (!fs.existsSync(csv)) return;
    const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.match(/^([^,]+),(?:"[^"]*"|[^,]*),([^,]*),/));
    const units = Object.fromEntries(rows.filter(Boolean).map((m) => [m?.[1], m?.[2]]));
    for (const c of Object.values(VITAL_SIGN_CODES)) if (c.field) expect([c.code, units[c.code]]).toEqual([c.code, c.unit]);
  });
});

describe('toVitalValue', () => {
  it('converts to the column unit and rounds to its decimals', () => {
    expect(toVitalValue('29463-7', 220.46226218, '[lb_av]')).toEqual({ ok: true, field: 'weightKg', value: 100 });
    expect(toVitalValue('29463-7', 99.58556122556374, 'kg')).toEqual({ ok: true, field: 'weightKg', value: 99.59 });
    expect(toVitalValue('8302-2', 71.5, '[in_i]')).toEqual({ ok: true, field: 'heightCm', value: 181.6 });
    expect(toVitalValue('8310-5', 98.6, '[degF]')).toEqual({ ok: true, field: 'temperatureC', value: 37 });
    expect(toVitalValue('8331-1', 37.24, 'Cel')).toEqual({ ok: true, field: 'temperatureC', value: 37.2 });
    expect(toVitalValue('8480-6', 120.6, 'mm[Hg]')).toEqual({ ok: true, field: 'systolicMmHg', value: 121 });
    expect(toVitalValue('8462-4', 10.7, 'kPa')).toEqual({ ok: true, field: 'diastolicMmHg', value: 80 });
    expect(toVitalValue('8867-4', 72, '{beats}/min')).toEqual({ ok: true, field: 'heartRatePerMin', value: 72 });
    expect(toVitalValue('9279-1', 16, '/min')).toEqual({ ok: true, field: 'respiratoryRatePerMin', value: 16 });
    expect(toVitalValue('59408-5', 97.5, '%')).toEqual({ ok: true, field: 'spo2Pct', value: 98 });
  });

  it('refuses derived or unknown codes, missing units and wrong dimensions', () => {
    expect(toVitalValue('39156-5', 24.3, 'kg/m2')).toMatchObject({ ok: false });
    expect(toVitalValue('72514-3', 3, '{score}')).toMatchObject({ ok: false });
    expect(toVitalValue('8310-5', 98.6, undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/no unit/) });
    expect(toVitalValue('29463-7', 180, 'cm')).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot convert/) });
  });
});
