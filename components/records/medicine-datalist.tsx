/**
 * The medicine names offered on prescription lines (server component): one `<datalist>` that the
 * medicine inputs name with `list={MEDICINE_DATALIST_ID}`. Plain HTML, no script: the browser
 * completes as the doctor types, and any other name can still be typed. Names: lib/medicines
 * (WHO Model List of Essential Medicines, 23rd list, 2023; source and licence in its README).
 */
import { medicineSuggestions } from '@/lib/medicines/essential-medicines';
import { MEDICINE_DATALIST_ID } from './medicine-datalist-id';

export function MedicineDatalist() {
  return (
    <datalist id={MEDICINE_DATALIST_ID}>
      {medicineSuggestions().map((n) => <option key={n} value={n} />)}
    </datalist>
  );
}
