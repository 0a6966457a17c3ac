import { describe, expect, it } from 'vitest';
import { parsePrintOptions, printQuery } from './print-options';

describe('print options', () => {
  it('reads the document and the paper, defaulting to the summary on A4', () => {
    expect(parsePrintOptions({})).toEqual({ doc: 'summary', paper: 'A4' });
    expect(parsePrintOptions({ doc: 'prescription', paper: 'A5' })).toEqual({ doc: 'prescription', paper: 'A5' });
    expect(parsePrintOptions({ doc: 'Prescription', paper: 'a5' })).toEqual({ doc: 'prescription', paper: 'A5' });
    expect(parsePrintOptions({ doc: ['prescription', 'summary'], paper: ['A4'] })).toEqual({ doc: 'prescription', paper: 'A4' });
  });

  it('keeps the summary on A4 and ignores unknown documents and papers', () => {
    expect(parsePrintOptions({ doc: 'summary', paper: 'A5' })).toEqual({ doc: 'summary', paper: 'A4' });
    expect(parsePrintOptions({ doc: 'invoice', paper: 'A5' })).toEqual({ doc: 'summary', paper: 'A4' });
    expect(parsePrintOptions({ doc: 'prescription', paper: 'Letter' })).toEqual({ doc: 'prescription', paper: 'A4' });
  });

  it('writes the query string back', () => {
    expect(printQuery('prescription', 'A5')).toBe('?doc=prescription&paper=A5');
    expect(printQuery('summary')).toBe('?doc=summary&paper=A4');
  });
});
