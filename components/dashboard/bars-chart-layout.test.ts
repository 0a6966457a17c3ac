import { describe, expect, it } from 'vitest';
import { CHARS_PER_LINE, charsPerLine, nameColumnWidth, sidewaysHeight, wrapLabel } from './bars-chart-layout';

describe('wrapLabel', () => {
  it('breaks between words into lines of at most the given length, keeping every word', () => {
    const label = 'J06.9 Acute upper respiratory infection, unspecified';
    const lines = wrapLabel(label, 16);
    expect(lines).toEqual(['J06.9 Acute', 'upper', 'respiratory', 'infection,', 'unspecified']);
    expect(lines.join(' ')).toBe(label);
    expect(wrapLabel(label, 37)).toEqual(['J06.9 Acute upper respiratory', 'infection, unspecified']);
  });

  it('keeps a short label on one line and a word longer than a line whole', () => {
    expect(wrapLabel('Free text', 13)).toEqual(['Free text']);
    expect(wrapLabel('Dr Pneumonoultramicroscopic', 10)).toEqual(['Dr', 'Pneumonoultramicroscopic']);
    expect(wrapLabel('', 10)).toEqual(['']);
  });
});

describe('sidewaysHeight', () => {
  it('gives rows room for their longest wrapped name', () => {
    const short = [{ label: 'A', value: 1 }, { label: 'B', value: 2 }, { label: 'C', value: 3 }, { label: 'D', value: 1 }];
    expect(sidewaysHeight(short, CHARS_PER_LINE.narrow)).toBe(4 * 30 + 40);
    const long = [{ label: 'J06.9 Acute upper respiratory infection, unspecified', value: 1 }, ...short];
    // 5 lines of 13 characters on a phone, 2 of 30 wider.
    expect(sidewaysHeight(long, CHARS_PER_LINE.narrow)).toBe(5 * (5 * 15 + 10) + 40);
    expect(sidewaysHeight(long, CHARS_PER_LINE.wide)).toBe(5 * (2 * 15 + 10) + 40);
  });

  it('plans no fewer lines than the drawing writes: its name column fits the planned characters a line', () => {
    // A 320-360 px phone leaves the chart about 250-290 px; from 640 px (sm) about 540 px or more.
    expect(charsPerLine(nameColumnWidth(250))).toBeGreaterThanOrEqual(CHARS_PER_LINE.narrow);
    expect(charsPerLine(nameColumnWidth(540))).toBeGreaterThanOrEqual(CHARS_PER_LINE.wide);
    expect(nameColumnWidth(1200)).toBe(260);
  });
});
