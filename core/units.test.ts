import { describe, expect, it } from 'vitest';
import { CANONICAL_UNIT, convertUnit, dimensionOf, roundTo, toUcum } from './units';

describe('convertUnit (UCUM)', () => {
  it.each([
    // mass → kg
    [220.46226218, '[lb_av]', 'kg', 100],
    [1, '[lb_av]', 'kg', 0.45359237],
    [16, '[oz_av]', 'kg', 0.45359237],
    [70_000, 'g', 'kg', 70],
    [3_500_000, 'mg', 'kg', 3.5],
    [100, 'kg', '[lb_av]', 220.46226218],
    // length → cm
    [1, '[in_i]', 'cm', 2.54],
    [71.5, '[in_i]', 'cm', 181.61],
    [6, '[ft_i]', 'cm', 182.88],
    [1.75, 'm', 'cm', 175],
    [1755, 'mm', 'cm', 175.5],
    // temperature → Cel
    [98.6, '[degF]', 'Cel', 37],
    [32, '[degF]', 'Cel', 0],
    [-40, '[degF]', 'Cel', -40],
    [212, '[degF]', 'Cel', 100],
    [310.15, 'K', 'Cel', 37],
    [37, 'Cel', '[degF]', 98.6],
    // pressure → mm[Hg]
    [16, 'kPa', 'mm[Hg]', 120.0099],
    [13332.2387415, 'Pa', 'mm[Hg]', 100],
    // rate → /min
    [72, '/min', '/min', 72],
    [1.2, '/s', '/min', 72],
    [72, '{beats}/min', '/min', 72],
    [16, '{breaths}/min', '/min', 16],
    // fraction
    [97, '%', '%', 97],
  ])('%d %s → %s = %d', (value, from, to, out) => {
    expect(convertUnit(value, from, to)).toBeCloseTo(out, 4);
  });

  it('understands common human spellings of units', () => {
    expect(convertUnit(154, 'lbs', 'kg')).toBeCloseTo(69.853, 3);
    expect(convertUnit(100.4, '°F', 'Cel')).toBeCloseTo(38, 6);
    expect(convertUnit(100.4, 'F', 'Cel')).toBeCloseTo(38, 6);
    expect(convertUnit(37.2, '°C', 'Cel')).toBe(37.2);
    expect(convertUnit(120, 'mmHg', 'mm[Hg]')).toBe(120);
    expect(convertUnit(60, 'bpm', '/min')).toBe(60);
    expect(convertUnit(70, 'in', 'cm')).toBeCloseTo(177.8, 6);
    expect(convertUnit(80, 'KG', 'kg')).toBe(80);
  });

  it('refuses unknown units, different dimensions and non-finite values', () => {
    expect(convertUnit(70, 'kg', 'cm')).toBeNull();
    expect(convertUnit(37, 'Cel', 'kg')).toBeNull();
    expect(convertUnit(5, '{score}', '/min')).toBeNull();
    expect(convertUnit(25, 'kg/m2', 'kg')).toBeNull();
    expect(convertUnit(1, 'furlong', 'cm')).toBeNull();
    expect(convertUnit(1, '', 'cm')).toBeNull();
    expect(convertUnit(Number.NaN, 'kg', 'kg')).toBeNull();
    expect(convertUnit(Number.POSITIVE_INFINITY, 'kg', 'kg')).toBeNull();
  });

  it('maps codes and spellings to UCUM and dimensions', () => {
    expect(toUcum('[lb_av]')).toBe('[lb_av]');
    expect(toUcum(' lb ')).toBe('[lb_av]');
    expect(toUcum('{beats}/min')).toBe('/min');
    expect(toUcum('{score}')).toBeNull();
    expect(toUcum(undefined)).toBeNull();
    expect(dimensionOf('[degF]')).toBe('temperature');
    expect(dimensionOf('mm[Hg]')).toBe('pressure');
    for (const [dim, unit] of Object.entries(CANONICAL_UNIT)) expect(dimensionOf(unit)).toBe(dim);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(99.58556122556374, 2)).toBe(99.59);
    expect(roundTo(181.54135523892745, 1)).toBe(181.5);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(37.00000000001, 1)).toBe(37);
    expect(roundTo(120.5, 0)).toBe(121);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.01, 1), 0)).toBe(true);
  });
});
