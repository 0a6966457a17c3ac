/** Field schemas the API's response schemas share (one instance each, so the document renders them alike). */
import { z } from 'zod';

/** A database id: a positive integer. */
export const idField = z.number().int().positive();

/** An instant as ISO 8601 with the clinic's offset. */
export const instantField = z.iso.datetime({ offset: true }).meta({ example: '2026-12-01T09:20:00.000+03:00' });

/** A date, `YYYY-MM-DD`. */
export const dateField = z.iso.date().meta({ example: '1990-04-17' });
