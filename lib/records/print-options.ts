/**
 * What a print view of a visit prints and on which paper, from its query string: `doc` is `summary`
 * (the visit summary, A4) or `prescription` (A4 or A5). Pure.
 */

export const PRINT_DOCS = ['summary', 'prescription'] as const;
export type PrintDoc = (typeof PRINT_DOCS)[number];
export const PAPER_SIZES = ['A4', 'A5'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The papers each document prints on, the first being the default. */
export const PAPERS_OF: Record<PrintDoc, readonly PaperSize[]> = { summary: ['A4'], prescription: ['A4', 'A5'] };

/**
 * `?doc=&paper=` → `{ doc, paper }`: an unknown or missing `doc` is the summary; a paper the document
 * does not print on (or none) is its default (A4). Case-insensitive.
 */
export function parsePrintOptions(sp: { doc?: string | string[]; paper?: string | string[] }): { doc: PrintDoc; paper: PaperSize } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();
  const d = one(sp.doc)?.toLowerCase();
  const doc: PrintDoc = (PRINT_DOCS as readonly string[]).includes(d ?? '') ? (d as PrintDoc) : 'summary';
  const p = one(sp.paper)?.toUpperCase();
  const paper = PAPERS_OF[doc].find((x) => x === p) ?? PAPERS_OF[doc][0];
  return { doc, paper };
}

/** The query string of a print view (`?doc=prescription&paper=A5`). */
export function printQuery(doc: PrintDoc, paper: PaperSize = PAPERS_OF[doc][0]): string {
  return `?doc=${doc}&paper=${paper}`;
}
