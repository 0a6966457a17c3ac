/** A report table on a phone: headers wrap, and a table that still overflows says it scrolls sideways. */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '@/lib/reports/dashboard-tables';
import { DataTable } from './data-table';

const table: ReportTable = {
  id: 'diagnoses', title: 'Most common diagnoses',
  header: ['Rank', 'Code', 'Diagnosis', 'Diagnoses', 'Share of all diagnoses (%)'],
  rows: [[1, 'J06.9', 'Acute upper respiratory infection', 12, 40]],
} as ReportTable;

describe('DataTable', () => {
  const html = renderToString(createElement(DataTable, { table }));

  it('says a table scrolls sideways, with a shadow on the hidden edge', () => {
    expect(html).toContain('Scroll sideways for more →');
    expect(html).toContain('data-table-scroller overflow-x-auto');
    expect(html).toMatch(/style="background:[^"]*local/);
    expect(html).toContain('animation-timeline:--data-table'); // shown only while the table overflows
  });

  it('lets column headers wrap (numbers stay on one line)', () => {
    const heads = [...html.matchAll(/<th scope="col" class="([^"]*)"/g)].map((m) => m[1]);
    expect(heads).toHaveLength(5);
    for (const c of heads) expect(c).not.toContain('whitespace-nowrap');
    expect(html).toMatch(/<td class="[^"]*whitespace-nowrap[^"]*">12</);
  });
});
