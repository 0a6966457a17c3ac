/**
 * Word lists for the seeds: African given and family names (East, West and Southern Africa, some with
 * apostrophes and accents, e.g. Ochieng', N'Diaye, Zoë), Kenyan mobile prefixes, and common
 * primary-care conditions with real ICD-10 codes, matching vitals and prescription lines.
 */
import type { Allergy, Sex } from '@/core/vocabulary';

export interface NameRegion {
  region: string;
  /** How often the region's names appear in a Kenyan clinic. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

/** Given and family names by region, so a generated name (and its family) stays plausible. */
export const NAME_REGIONS: readonly NameRegion[] = [
  {
    region: 'Kenya', weight: 50,
    female: ['Wanjiru', 'Achieng', 'Akinyi', 'Njeri', 'Wambui', 'Nyambura', 'Zawadi', 'Makena', 'Nasimiyu', 'Chebet',
      'Jepchirchir', 'Atieno', 'Adhiambo', 'Nafula', 'Nekesa', 'Auma', 'Kerubo', 'Moraa', 'Grace', 'Faith', 'Mercy', 'Esther', 'Zoë'],
    male: ['Kamau', 'Otieno', 'Ochieng', 'Mwangi', 'Kiprono', 'Kibet', 'Wekesa', 'Barasa', 'Omondi', 'Kipchumba', 'Nyaga',
      'Brian', 'Kevin', 'Dennis', 'Peter', 'Joseph', 'Daniel', 'Emmanuel'],
    family: ['Njoroge', 'Kamau', 'Mwangi', 'Otieno', "Ochieng'", 'Odhiambo', 'Onyango', 'Okoth', 'Wafula', 'Wekesa', 'Barasa',
      'Kiprotich', 'Cheruiyot', "Ng'eno", "Ng'ang'a", 'Mutua', 'Musyoka', 'Kilonzo', 'Kariuki', 'Githinji', 'Wanjiku',
      'Achieng', 'Nyamweya', 'Ogola'],
  },
  {
    region: 'Tanzania and the coast', weight: 10,
    female: ['Amina', 'Neema', 'Rehema', 'Halima', 'Fatuma', 'Aisha', 'Imani', 'Mwanaisha', 'Saida'],
    male: ['Juma', 'Hamisi', 'Baraka', 'Jabari', 'Bakari', 'Rashidi', 'Salim', 'Omari'],
    family: ['Mwakyusa', 'Massawe', 'Shirima', 'Lyimo', 'Hassan', 'Abdallah', 'Mohamed', 'Salim', 'Omar'],
  },
  {
    region: 'Uganda and Rwanda', weight: 8,
    female: ['Nakato', 'Nalwoga', 'Aline', 'Josiane', 'Thérèse', 'Uwase', 'Ingabire', 'Nankya'],
    male: ['Mugisha', 'Eric', 'Olivier', 'Jean-Baptiste', 'Ssemakula', 'Kato', 'Désiré', 'Innocent'],
    family: ['Okello', 'Mugisha', 'Tumusiime', 'Ssempala', 'Namubiru', 'Uwimana', 'Habimana', 'Niyonzima', 'Mukamana', 'Byaruhanga'],
  },
  {
    region: 'Ethiopia and Somalia', weight: 6,
    female: ['Hiwot', 'Selam', 'Meron', 'Tigist', 'Almaz', 'Hodan', 'Fadumo'],
    male: ['Tesfaye', 'Dawit', 'Alemayehu', 'Abdirahman', 'Mohamed', 'Yonas'],
    family: ['Bekele', 'Haile', 'Girma', 'Alemu', 'Tadesse', 'Abdi', 'Warsame', 'Farah'],
  },
  {
    region: 'Nigeria and Ghana', weight: 10,
    female: ['Ngozi', 'Chiamaka', 'Adaeze', 'Ifeoma', 'Funmilayo', 'Yetunde', 'Folake', 'Abena', 'Akosua', 'Ama', 'Efua'],
    male: ['Chukwuemeka', 'Emeka', 'Oluwaseun', 'Babajide', 'Adébáyọ̀', 'Tunde', 'Kwame', 'Kofi', 'Kwabena', 'Yaw', 'Kojo'],
    family: ['Okafor', 'Okonkwo', 'Adeyemi', 'Adebayo', 'Oladipo', 'Eze', 'Nwosu', 'Mensah', 'Boateng', 'Asante', 'Owusu'],
  },
  {
    region: 'Senegal, Mali and Côte d\'Ivoire', weight: 6,
    female: ['Aminata', 'Fatoumata', 'Aïcha', 'Oumou', 'Mariama', 'Awa', 'Kadiatou', 'Chloé', 'Zoë', 'Désirée'],
    male: ['Mamadou', 'Ousmane', 'Moussa', 'Cheikh', 'Ibrahima', 'Abdoulaye', 'Noël', 'Seydou'],
    family: ['Diallo', "N'Diaye", 'Traoré', 'Koné', 'Touré', 'Sow', 'Diop', 'Keïta', 'Camara', 'Sané', "N'Guessan"],
  },
  {
    region: 'Southern Africa', weight: 10,
    female: ['Naledi', 'Thandiwe', 'Nomvula', 'Lindiwe', 'Zanele', 'Palesa', 'Rutendo', 'Chipo', 'Tsitsi', 'Nyasha', 'Mwila',
      'Lerato', 'Dineo', 'Tendai'],
    male: ['Sipho', 'Thabo', 'Mandla', 'Bongani', 'Themba', 'Lwazi', 'Kagiso', 'Tatenda', 'Farai', 'Tinashe', 'Chanda',
      'Lesego', 'Tendai'],
    family: ['Dlamini', 'Nkosi', 'Mokoena', 'Khumalo', 'Ndlovu', 'Moyo', 'Sibanda', 'Mahlangu', 'Mthembu', 'Banda', 'Phiri',
      'Mwale', 'Mutasa', 'Chikwanha', 'Molefe', 'Sithole', 'Mulenga', 'Zulu'],
  },
];

/** Kenyan mobile prefixes (after +254) in use by Safaricom, Airtel and Telkom. */
export const KENYA_MOBILE_PREFIXES = [
  ...range(700, 729), 740, 741, 742, 743, 745, 746, 748, 757, 758, 759, 768, 769, ...range(790, 799), // Safaricom
  ...range(730, 739), 750, 751, 752, 753, 754, 755, 756, 762, ...range(780, 789), // Airtel
  ...range(770, 779), // Telkom
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Emergency-contact relationships: `[relationship, contact's sex or 'spouse', minimum patient age]`. */
export const RELATIONSHIPS_ADULT: ReadonlyArray<readonly [string, Sex | 'spouse', number]> = [
  ['Spouse', 'spouse', 20], ['Spouse', 'spouse', 20], ['Sister', 'female', 0], ['Brother', 'male', 0], ['Mother', 'female', 0],
  ['Father', 'male', 0], ['Daughter', 'female', 40], ['Son', 'male', 40], ['Cousin', 'female', 0], ['Friend', 'male', 0],
];
export const RELATIONSHIPS_CHILD: ReadonlyArray<readonly [string, Sex]> = [
  ['Mother', 'female'], ['Mother', 'female'], ['Father', 'male'], ['Grandmother', 'female'], ['Aunt', 'female'],
  ['Guardian', 'male'],
];

export const ALLERGIES: Allergy[] = [
  { substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' },
  { substance: 'Sulfonamides (co-trimoxazole)', reaction: 'Stevens-Johnson syndrome', severity: 'severe' },
  { substance: 'Aspirin', reaction: 'Wheezing', severity: 'moderate' },
  { substance: 'Chloroquine', reaction: 'Itching', severity: 'mild' },
  { substance: 'Peanuts', reaction: 'Swelling of lips', severity: 'severe' },
  { substance: 'Ibuprofen', reaction: 'Stomach pain', severity: 'mild' },
  { substance: 'Latex', reaction: 'Contact dermatitis', severity: 'mild' },
  { substance: 'Shellfish', reaction: 'Hives', severity: 'moderate' },
];

export const MEDICAL_HISTORY_ADULT = [
  'Hypertension diagnosed 2018, on amlodipine.',
  'Type 2 diabetes since 2016; diet and metformin.',
  'Pulmonary TB in 2019, completed 6 months of treatment.',
  'HIV positive since 2014, on ART (TLD), viral load suppressed.',
  'Asthma since childhood; uses salbutamol inhaler.',
  'Appendectomy 2012.',
  'Sickle cell trait.',
  'Peptic ulcer disease, H. pylori treated 2020.',
  'Recurrent malaria; lives near Lake Victoria.',
  'Road traffic accident 2015, left tibia fracture (healed).',
  'Iron deficiency anaemia in 2021, treated.',
] as const;

export const MEDICAL_HISTORY_FEMALE = [
  'Caesarean section 2017.',
  'Two previous normal deliveries.',
  'Uterine fibroids, under follow-up.',
] as const;

export const MEDICAL_HISTORY_CHILD = [
  'Fully immunised per KEPI schedule.',
  'Born preterm at 34 weeks.',
  'Recurrent otitis media.',
  'Asthma; salbutamol as needed.',
  'Severe malaria at age 2, admitted.',
  'Sickle cell disease, on folic acid.',
] as const;

export const CANCELLATION_REASONS = [
  'Patient travelled upcountry.',
  'Patient asked to reschedule.',
  'Doctor unavailable (training).',
  'Patient felt better.',
  'No transport on the day.',
  'Booked twice by mistake.',
] as const;

export const DOCTOR_SPECIALTIES = [
  'General Practice', 'Paediatrics', 'Internal Medicine', 'Obstetrics and Gynaecology', 'Infectious Diseases (HIV/TB)',
  'Family Medicine', 'Dermatology', 'Ophthalmology', 'General Surgery', 'Psychiatry',
] as const;

export interface RxLine {
  medicine: string;
  strength: string;
  dose: string;
  route: string;
  frequency: string;
  duration: string;
  instructions?: string;
}

/** A visit's clinical picture: diagnosis with its ICD-10 code, why the patient came, and what follows. */
export interface Condition {
  code: string;
  /** WHO ICD-10 title. */
  display: string;
  weight: number;
  minAge?: number;
  maxAge?: number;
  sex?: Sex;
  reasons: string[];
  symptoms: string[];
  notes: string[];
  vitals?: { temperatureC?: [number, number]; systolic?: [number, number]; diastolic?: [number, number]; spo2?: [number, number]; heartRate?: [number, number]; respiratoryRate?: [number, number] };
  rx: RxLine[][];
  childRx?: RxLine[][];
}

const PARACETAMOL: RxLine = { medicine: 'Paracetamol', strength: '500 mg', dose: '1 g', route: 'oral', frequency: 'every 8 hours as needed', duration: '3 days' };
const PARACETAMOL_SYRUP: RxLine = { medicine: 'Paracetamol syrup', strength: '120 mg/5 mL', dose: '10 mL', route: 'oral', frequency: 'every 6 hours as needed', duration: '3 days' };

export const CONDITIONS: Condition[] = [
  {
    code: 'B54', display: 'Unspecified malaria', weight: 14,
    reasons: ['Fever and headache', 'Fever and chills for 3 days', 'Joint pains and fever'],
    symptoms: ['Fever, chills and headache for 3 days; mRDT positive.', 'High fever, body aches, vomiting twice; malaria RDT positive.'],
    notes: ['Uncomplicated malaria. First dose given in clinic. Return if vomiting or drowsy.', 'Advised fluids and bed net use. Review in 3 days if fever persists.'],
    vitals: { temperatureC: [38.2, 39.8], heartRate: [95, 120] },
    rx: [[{ medicine: 'Artemether/Lumefantrine', strength: '20 mg/120 mg', dose: '4 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'Take with food or milk.' }, PARACETAMOL]],
    childRx: [[{ medicine: 'Artemether/Lumefantrine dispersible', strength: '20 mg/120 mg', dose: '2 tablets', route: 'oral', frequency: 'twice daily', duration: '3 days', instructions: 'Dose by weight band (15–24 kg).' }, PARACETAMOL_SYRUP]],
  },
  {
    code: 'J06.9', display: 'Acute upper respiratory infection, unspecified', weight: 14,
    reasons: ['Cough and runny nose', 'Sore throat', 'Flu-like illness'],
    symptoms: ['Dry cough, sore throat and runny nose for 4 days.', 'Nasal congestion and mild fever since yesterday.'],
    notes: ['Viral URTI. No antibiotics. Steam inhalation and fluids.', 'Reassured. Return if breathing difficulty.'],
    vitals: { temperatureC: [37.3, 38.3] },
    rx: [[PARACETAMOL], [PARACETAMOL, { medicine: 'Cetirizine', strength: '10 mg', dose: '10 mg', route: 'oral', frequency: 'once daily at night', duration: '5 days' }]],
    childRx: [[PARACETAMOL_SYRUP]],
  },
  {
    code: 'I10', display: 'Essential (primary) hypertension', weight: 10, minAge: 30,
    reasons: ['Blood pressure review', 'Headaches, known hypertensive', 'Refill of BP medicine'],
    symptoms: ['Occasional morning headaches. Adherent to medication.', 'No complaints; routine BP follow-up.'],
    notes: ['BP above target. Salt restriction and exercise discussed. Review in 4 weeks.', 'BP controlled. Continue current dose.'],
    vitals: { systolic: [142, 172], diastolic: [90, 104] },
    rx: [[{ medicine: 'Amlodipine', strength: '5 mg', dose: '5 mg', route: 'oral', frequency: 'once daily', duration: '30 days' }],
      [{ medicine: 'Amlodipine', strength: '10 mg', dose: '10 mg', route: 'oral', frequency: 'once daily', duration: '30 days' }, { medicine: 'Hydrochlorothiazide', strength: '25 mg', dose: '25 mg', route: 'oral', frequency: 'once daily in the morning', duration: '30 days' }]],
  },
  {
    code: 'E11.9', display: 'Type 2 diabetes mellitus without complications', weight: 8, minAge: 30,
    reasons: ['Diabetes follow-up', 'Refill of diabetes medicine', 'Excessive thirst'],
    symptoms: ['Polyuria and thirst; random blood sugar 14.2 mmol/L.', 'Routine review; fasting glucose 8.1 mmol/L.'],
    notes: ['HbA1c requested. Diet counselling done.', 'Foot examination normal. Continue metformin.'],
    rx: [[{ medicine: 'Metformin', strength: '500 mg', dose: '500 mg', route: 'oral', frequency: 'twice daily with meals', duration: '30 days' }],
      [{ medicine: 'Metformin', strength: '1000 mg', dose: '1000 mg', route: 'oral', frequency: 'twice daily with meals', duration: '30 days' }, { medicine: 'Glibenclamide', strength: '5 mg', dose: '5 mg', route: 'oral', frequency: 'once daily with breakfast', duration: '30 days' }]],
  },
  {
    code: 'A09', display: 'Diarrhoea and gastroenteritis of presumed infectious origin', weight: 9,
    reasons: ['Diarrhoea and vomiting', 'Stomach upset', 'Loose stools for 2 days'],
    symptoms: ['Watery diarrhoea 5 times a day and vomiting for 2 days; some dehydration.', 'Abdominal cramps and loose stools since yesterday.'],
    notes: ['ORS and zinc. Danger signs explained.', 'Oral rehydration in clinic, tolerated well.'],
    vitals: { temperatureC: [37.2, 38.4], heartRate: [90, 112] },
    rx: [[{ medicine: 'Oral rehydration salts', strength: '20.5 g sachet', dose: '1 sachet in 1 L of water', route: 'oral', frequency: 'after each loose stool', duration: '3 days' }, { medicine: 'Zinc sulfate', strength: '20 mg', dose: '20 mg', route: 'oral', frequency: 'once daily', duration: '10 days' }]],
    childRx: [[{ medicine: 'Oral rehydration salts', strength: '20.5 g sachet', dose: '100 mL after each stool', route: 'oral', frequency: 'after each loose stool', duration: '3 days' }, { medicine: 'Zinc sulfate dispersible', strength: '20 mg', dose: '20 mg', route: 'oral', frequency: 'once daily', duration: '10 days' }]],
  },
  {
    code: 'J18.9', display: 'Pneumonia, unspecified', weight: 5,
    reasons: ['Cough and difficulty breathing', 'Chest pain and fever'],
    symptoms: ['Productive cough, fever and chest pain for 5 days; crackles right base.', 'Fast breathing and fever; chest indrawing absent.'],
    notes: ['Community-acquired pneumonia, outpatient treatment. Review in 48 hours.', 'Chest X-ray requested.'],
    vitals: { temperatureC: [38.0, 39.5], spo2: [91, 95], respiratoryRate: [22, 30], heartRate: [100, 118] },
    rx: [[{ medicine: 'Amoxicillin', strength: '500 mg', dose: '1 g', route: 'oral', frequency: 'three times daily', duration: '5 days' }, PARACETAMOL]],
    childRx: [[{ medicine: 'Amoxicillin dispersible', strength: '250 mg', dose: '2 tablets', route: 'oral', frequency: 'twice daily', duration: '5 days' }, PARACETAMOL_SYRUP]],
  },
  {
    code: 'B20', display: 'HIV disease resulting in infectious and parasitic diseases', weight: 5, minAge: 15,
    reasons: ['ART refill', 'HIV care follow-up', 'Viral load results'],
    symptoms: ['Routine ART review; no opportunistic infection symptoms.', 'Adherent to ART, mild fatigue.'],
    notes: ['Viral load suppressed. Adherence counselling done. Next refill in 30 days.', 'Viral load sample taken.'],
    rx: [[{ medicine: 'Tenofovir/Lamivudine/Dolutegravir (TLD)', strength: '300 mg/300 mg/50 mg', dose: '1 tablet', route: 'oral', frequency: 'once daily', duration: '30 days' }, { medicine: 'Co-trimoxazole', strength: '960 mg', dose: '960 mg', route: 'oral', frequency: 'once daily', duration: '30 days' }]],
  },
  {
    code: 'A15.0', display: 'Tuberculosis of lung, confirmed by sputum microscopy with or without culture', weight: 3, minAge: 15,
    reasons: ['Cough for more than 2 weeks', 'TB treatment follow-up'],
    symptoms: ['Cough for 3 weeks, night sweats and weight loss; sputum smear positive.', 'Intensive phase review; cough improving.'],
    notes: ['Started on RHZE; contacts to be screened. DOT by family member.', 'Tolerating treatment. Sputum for follow-up smear at 2 months.'],
    vitals: { temperatureC: [37.4, 38.2] },
    rx: [[{ medicine: 'Rifampicin/Isoniazid/Pyrazinamide/Ethambutol (RHZE)', strength: '150 mg/75 mg/400 mg/275 mg', dose: '4 tablets', route: 'oral', frequency: 'once daily', duration: '2 months' }, { medicine: 'Pyridoxine', strength: '25 mg', dose: '25 mg', route: 'oral', frequency: 'once daily', duration: '2 months' }]],
  },
  {
    code: 'N39.0', display: 'Urinary tract infection, site not specified', weight: 5, minAge: 12, sex: 'female',
    reasons: ['Painful urination', 'Lower abdominal pain'],
    symptoms: ['Burning micturition and frequency for 3 days; urinalysis nitrite positive.', 'Suprapubic pain and frequency.'],
    notes: ['Uncomplicated cystitis. Fluids advised.', 'Urine culture sent.'],
    rx: [[{ medicine: 'Nitrofurantoin', strength: '100 mg', dose: '100 mg', route: 'oral', frequency: 'twice daily', duration: '5 days' }]],
  },
  {
    code: 'K29.7', display: 'Gastritis, unspecified', weight: 5, minAge: 15,
    reasons: ['Epigastric pain', 'Heartburn'],
    symptoms: ['Burning epigastric pain after meals for 2 weeks.', 'Heartburn and bloating; uses ibuprofen often.'],
    notes: ['Avoid NSAIDs, alcohol and late meals.', 'H. pylori stool antigen requested.'],
    rx: [[{ medicine: 'Omeprazole', strength: '20 mg', dose: '20 mg', route: 'oral', frequency: 'once daily before breakfast', duration: '14 days' }]],
  },
  {
    code: 'D50.9', display: 'Iron deficiency anaemia, unspecified', weight: 3,
    reasons: ['Tiredness and dizziness', 'Pale, weak'],
    symptoms: ['Fatigue and dizziness; conjunctival pallor; Hb 9.1 g/dL.', 'Weakness for a month; Hb 8.7 g/dL.'],
    notes: ['Dietary advice given. Repeat Hb in 4 weeks.', 'Deworming given. Iron supplementation started.'],
    vitals: { heartRate: [92, 108] },
    rx: [[{ medicine: 'Ferrous sulfate', strength: '200 mg', dose: '200 mg', route: 'oral', frequency: 'once daily', duration: '3 months' }, { medicine: 'Folic acid', strength: '5 mg', dose: '5 mg', route: 'oral', frequency: 'once daily', duration: '3 months' }]],
    childRx: [[{ medicine: 'Ferrous fumarate syrup', strength: '140 mg/5 mL', dose: '5 mL', route: 'oral', frequency: 'once daily', duration: '3 months' }]],
  },
  {
    code: 'J45.9', display: 'Asthma, unspecified', weight: 3,
    reasons: ['Wheezing', 'Asthma review'],
    symptoms: ['Wheeze and chest tightness at night, worse with dust.', 'Using reliever 3 times a week.'],
    notes: ['Inhaler technique checked. Step up to controller.', 'Mild exacerbation, responded to nebulised salbutamol.'],
    vitals: { spo2: [93, 97], respiratoryRate: [20, 26] },
    rx: [[{ medicine: 'Salbutamol inhaler', strength: '100 micrograms/dose', dose: '2 puffs', route: 'inhaled', frequency: 'as needed', duration: '1 month' }, { medicine: 'Beclometasone inhaler', strength: '100 micrograms/dose', dose: '2 puffs', route: 'inhaled', frequency: 'twice daily', duration: '1 month' }]],
  },
  {
    code: 'B82.9', display: 'Intestinal parasitism, unspecified', weight: 3,
    reasons: ['Abdominal pain', 'Worms seen in stool'],
    symptoms: ['Intermittent abdominal pain and poor appetite.', 'Mother reports worms in stool.'],
    notes: ['Hand washing and footwear advised.', 'Deworming given.'],
    rx: [[{ medicine: 'Albendazole', strength: '400 mg', dose: '400 mg', route: 'oral', frequency: 'single dose', duration: '1 day' }]],
  },
  {
    code: 'M54.5', display: 'Low back pain', weight: 3, minAge: 20,
    reasons: ['Back pain', 'Lower back pain after lifting'],
    symptoms: ['Lower back pain for a week after lifting; no red flags.', 'Chronic low back pain, worse in the morning.'],
    notes: ['Exercises shown. Avoid heavy lifting.', 'Physiotherapy referral.'],
    rx: [[{ medicine: 'Ibuprofen', strength: '400 mg', dose: '400 mg', route: 'oral', frequency: 'three times daily after meals', duration: '5 days' }]],
  },
  {
    code: 'L30.9', display: 'Dermatitis, unspecified', weight: 2,
    reasons: ['Itchy skin rash'],
    symptoms: ['Itchy scaly rash on forearms for 2 weeks.'],
    notes: ['Emollients advised; avoid harsh soaps.'],
    rx: [[{ medicine: 'Hydrocortisone cream', strength: '1%', dose: 'thin layer', route: 'topical', frequency: 'twice daily', duration: '7 days' }]],
  },
  {
    code: 'H10.9', display: 'Conjunctivitis, unspecified', weight: 2,
    reasons: ['Red itchy eyes'],
    symptoms: ['Red eyes with discharge for 2 days.'],
    notes: ['Hygiene advice; avoid sharing towels.'],
    rx: [[{ medicine: 'Chloramphenicol eye drops', strength: '0.5%', dose: '1 drop', route: 'ophthalmic', frequency: 'every 6 hours', duration: '5 days' }]],
  },
  {
    code: 'Z34.9', display: 'Supervision of normal pregnancy, unspecified', weight: 4, minAge: 18, maxAge: 42, sex: 'female',
    reasons: ['Antenatal visit', 'First antenatal visit'],
    symptoms: ['Routine antenatal visit; no complaints. Fundal height matches dates.', 'First visit at 14 weeks; mild nausea.'],
    notes: ['Antenatal profile done. Next visit in 4 weeks.', 'Birth plan discussed.'],
    rx: [[{ medicine: 'Ferrous sulfate/Folic acid (IFAS)', strength: '200 mg/0.4 mg', dose: '1 tablet', route: 'oral', frequency: 'once daily', duration: '30 days' }]],
  },
];

/** Diagnoses that often come as a secondary one (comorbidities). */
export const SECONDARY_CODES = ['I10', 'E11.9', 'D50.9', 'B82.9', 'K29.7'] as const;

/** Reasons for visits that have no diagnosis (yet): future and cancelled bookings fall back on these too. */
export const GENERAL_REASONS = ['General check-up', 'Follow-up visit', 'Review of lab results', 'Medical certificate'] as const;
