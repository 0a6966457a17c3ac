/**
 * SMS text encoding and segmentation.
 *
 * - GSM 7-bit default alphabet and its extension table: 3GPP TS 23.038 §6.2.1 and §6.2.1.1. A character
 *   of the extension table is sent as ESC (0x1B) + its code, so it costs 2 septets.
 * - UCS-2 (16-bit) for any text with a character outside those tables (3GPP TS 23.038 §6.2.3). Counted in
 *   UTF-16 code units, as handsets and gateways do: a character outside the BMP (an emoji) is a surrogate
 *   pair and costs 2 units.
 * - Message sizes: one SMS carries 140 octets of user data (3GPP TS 23.040 §9.2.3.24) = 160 septets or
 *   70 UCS-2 units. A concatenated message spends 6 octets of each part on the User Data Header
 *   (IEI 0x00, 8-bit reference, TS 23.040 §9.2.3.24.1), leaving 153 septets or 67 units per part.
 *
 * National language shift tables (TS 23.038 §6.2.1.2, e.g. Turkish, Portuguese) are not used: not every
 * gateway and handset supports them, and the default alphabet is what every phone reads.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsParts {
  encoding: SmsEncoding;
  /** The text cut into the parts the handset reassembles (one element for a single SMS). */
  parts: string[];
  /** Total size: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

/** Single-part and per-part (concatenated) limits. */
export const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** The 128 positions of the GSM 7-bit default alphabet (TS 23.038 §6.2.1); 0x1B is the escape, not a character. */
const GSM7_BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

/** The characters of the default extension table (TS 23.038 §6.2.1.1), each sent as ESC + code. */
const GSM7_EXTENSION_CHARS = '\f^{}\\[~]|€';

const BASIC = new Set([...GSM7_BASIC_TABLE].filter((c) => c !== '\u001b'));
const EXTENSION = new Set([...GSM7_EXTENSION_CHARS]);

/** Septets `ch` (one code point) takes in GSM-7: 1 (default alphabet), 2 (extension table) or null (not encodable). */
export function gsm7Septets(ch: string): 1 | 2 | null {
  if (BASIC.has(ch)) return 1;
  if (EXTENSION.has(ch)) return 2;
  return null;
}

/** Whether all of `text` can be sent in the GSM 7-bit default alphabet (with its extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (gsm7Septets(ch) === null) return false;
  return true;
}

/**
 * How `text` goes out as SMS: GSM-7 when every character is in the default alphabet or its extension
 * table, UCS-2 otherwise; cut into as few parts as possible (160/70 for a single SMS, 153/67 per part
 * when concatenated). A part never ends between the ESC and the code of an extension character, nor
 * between the two halves of a surrogate pair. An empty text is one empty part.
 */
export function smsParts(text: string): SmsParts {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Atomic pieces: one code point each, with its cost in the chosen encoding.
  const pieces: Array<{ s: string; n: number }> = [];
  let units = 0;
  for (const ch of text) {
    const n = encoding === 'GSM-7' ? (gsm7Septets(ch) as number) : ch.length; // UTF-16 units: 1, or 2 for a surrogate pair
    pieces.push({ s: ch, n });
    units += n;
  }
  const { single, multi } = SMS_LIMITS[encoding];
  if (units <= single) return { encoding, parts: [text], units };
  // Greedy filling is optimal for cutting a sequence of 1- and 2-unit pieces into fixed-size parts.
  const parts: string[] = [];
  let cur = '';
  let used = 0;
  for (const p of pieces) {
    if (used + p.n > multi) {
      parts.push(cur);
      cur = '';
      used = 0;
    }
    cur += p.s;
    used += p.n;
  }
  if (cur !== '') parts.push(cur);
  return { encoding, parts, units };
}
