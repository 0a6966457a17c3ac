/** The id of the medicine-names `<datalist>` (MedicineDatalist), for the prescription inputs' `list`. */
export const MEDICINE_DATALIST_ID = 'essential-medicines';
