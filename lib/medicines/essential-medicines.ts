/**
 * Medicine names offered as completions on the prescription lines (free text stays allowed).
 *
 * Source: WHO Model List of Essential Medicines, 23rd list (2023), World Health Organization,
 * https://www.who.int/publications/i/item/WHO-MHP-HPS-EML-2023.02 — licence CC BY-NC-SA 3.0 IGO.
 * What is taken: the International Nonproprietary Names (INN, generic names, not subject to
 * copyright) of the medicines it lists for primary and first-referral care, in the list's own
 * spelling (combinations written "a + b"), grouped here as the list's sections are; no other text
 * of the list is reproduced. Added for everyday prescribing, and NOT from the WHO list: the names
 * prescribers commonly type for listed medicines ("Aspirin", "Co-trimoxazole", "Ferrous sulfate") and
 * a few generics widely stocked in Kenyan primary care (e.g. tramadol, cetirizine, esomeprazole,
 * meloxicam, domperidone). Each name is shown once, sorted, by `medicineSuggestions()`.
 * See README.md beside this file.
 */
export const ESSENTIAL_MEDICINES: readonly string[] = [
  // 1–2 Anaesthetics, pain and palliative care
  'Ketamine', 'Lidocaine', 'Lidocaine + epinephrine', 'Bupivacaine', 'Atropine', 'Midazolam', 'Diazepam', 'Propofol',
  'Acetylsalicylic acid', 'Aspirin', 'Ibuprofen', 'Paracetamol', 'Diclofenac', 'Codeine', 'Morphine', 'Tramadol', 'Fentanyl',
  'Methadone', 'Hydromorphone', 'Oxycodone', 'Amitriptyline', 'Dexamethasone', 'Haloperidol', 'Hyoscine butylbromide',
  'Hyoscine hydrobromide', 'Lactulose', 'Loperamide', 'Metoclopramide', 'Ondansetron', 'Senna', 'Docusate sodium',
  // 3 Antiallergics and medicines used in anaphylaxis
  'Chlorphenamine', 'Cetirizine', 'Loratadine', 'Epinephrine (adrenaline)', 'Hydrocortisone', 'Prednisolone', 'Promethazine',
  // 4 Antidotes
  'Activated charcoal', 'Acetylcysteine', 'Naloxone', 'Calcium gluconate', 'Methylthioninium chloride', 'Penicillamine',
  'Sodium nitrite', 'Sodium thiosulfate', 'Deferoxamine', 'Dimercaprol', 'Fomepizole', 'Glucagon',
  // 5 Anticonvulsants / antiepileptics
  'Carbamazepine', 'Phenobarbital', 'Phenytoin', 'Valproic acid (sodium valproate)', 'Lamotrigine', 'Levetiracetam',
  'Ethosuximide', 'Magnesium sulfate', 'Lorazepam',
  // 6.1 Anthelminthics
  'Albendazole', 'Mebendazole', 'Praziquantel', 'Ivermectin', 'Levamisole', 'Niclosamide', 'Pyrantel', 'Diethylcarbamazine',
  'Triclabendazole', 'Oxamniquine',
  // 6.2 Antibacterials — Access and Watch groups
  'Amoxicillin', 'Amoxicillin + clavulanic acid', 'Ampicillin', 'Benzathine benzylpenicillin', 'Benzylpenicillin',
  'Procaine benzylpenicillin', 'Phenoxymethylpenicillin', 'Cloxacillin', 'Flucloxacillin', 'Dicloxacillin', 'Piperacillin + tazobactam',
  'Cefalexin', 'Cefazolin', 'Cefadroxil', 'Cefuroxime', 'Cefixime', 'Ceftriaxone', 'Cefotaxime', 'Ceftazidime', 'Cefepime',
  'Ceftazidime + avibactam', 'Meropenem', 'Imipenem + cilastatin', 'Ertapenem', 'Aztreonam',
  'Azithromycin', 'Clarithromycin', 'Erythromycin', 'Clindamycin', 'Doxycycline', 'Tetracycline', 'Gentamicin', 'Amikacin',
  'Streptomycin', 'Chloramphenicol', 'Ciprofloxacin', 'Levofloxacin', 'Moxifloxacin', 'Ofloxacin', 'Nitrofurantoin',
  'Sulfamethoxazole + trimethoprim', 'Co-trimoxazole', 'Trimethoprim', 'Metronidazole', 'Tinidazole', 'Secnidazole',
  'Vancomycin', 'Linezolid', 'Fosfomycin', 'Colistin', 'Polymyxin B', 'Spectinomycin', 'Fusidic acid', 'Mupirocin',
  // Leprosy and tuberculosis
  'Clofazimine', 'Dapsone', 'Rifampicin', 'Isoniazid', 'Pyrazinamide', 'Ethambutol', 'Rifapentine', 'Rifabutin',
  'Isoniazid + rifampicin', 'Isoniazid + rifampicin + pyrazinamide + ethambutol', 'Isoniazid + rifampicin + ethambutol',
  'Isoniazid + rifapentine', 'Bedaquiline', 'Delamanid', 'Pretomanid', 'Cycloserine', 'Ethionamide', 'Para-aminosalicylic acid',
  'Pyridoxine',
  // 6.3 Antifungals
  'Fluconazole', 'Itraconazole', 'Voriconazole', 'Amphotericin B', 'Flucytosine', 'Griseofulvin', 'Nystatin', 'Clotrimazole',
  'Miconazole', 'Terbinafine', 'Potassium iodide',
  // 6.4 Antivirals and antiretrovirals
  'Aciclovir', 'Valaciclovir', 'Valganciclovir', 'Oseltamivir', 'Ribavirin', 'Tenofovir disoproxil fumarate', 'Entecavir',
  'Sofosbuvir', 'Daclatasvir', 'Sofosbuvir + velpatasvir', 'Nirmatrelvir + ritonavir', 'Molnupiravir',
  'Abacavir', 'Lamivudine', 'Zidovudine', 'Emtricitabine', 'Efavirenz', 'Nevirapine', 'Dolutegravir', 'Raltegravir',
  'Atazanavir + ritonavir', 'Darunavir', 'Lopinavir + ritonavir', 'Ritonavir',
  'Tenofovir + lamivudine + dolutegravir (TLD)', 'Tenofovir + lamivudine + efavirenz', 'Abacavir + lamivudine',
  'Zidovudine + lamivudine', 'Tenofovir + emtricitabine', 'Tenofovir + lamivudine', 'Abacavir + lamivudine + dolutegravir',
  // 6.5 Antiprotozoals and antimalarials
  'Artemether + lumefantrine', 'Artesunate', 'Artesunate + amodiaquine', 'Artesunate + mefloquine', 'Artesunate + pyronaridine',
  'Dihydroartemisinin + piperaquine', 'Artemether', 'Amodiaquine', 'Chloroquine', 'Quinine', 'Primaquine', 'Mefloquine',
  'Doxycycline (malaria prophylaxis)', 'Proguanil', 'Sulfadoxine + pyrimethamine', 'Pyrimethamine', 'Sulfadiazine',
  'Diloxanide', 'Paromomycin', 'Miltefosine', 'Sodium stibogluconate', 'Pentamidine', 'Benznidazole', 'Nifurtimox',
  'Fexinidazole', 'Eflornithine', 'Melarsoprol', 'Suramin sodium', 'Nitazoxanide',
  // 8 Immunomodulators and antineoplastics (primary-care relevant)
  'Methotrexate', 'Hydroxycarbamide', 'Tamoxifen', 'Allopurinol', 'Azathioprine', 'Ciclosporin', 'Tacrolimus', 'Mercaptopurine',
  'Cyclophosphamide', 'Filgrastim', 'Folic acid', 'Calcium folinate',
  // 9 Parkinsonism
  'Biperiden', 'Levodopa + carbidopa',
  // 10 Medicines affecting the blood
  'Ferrous salt', 'Ferrous sulfate', 'Ferrous salt + folic acid', 'Hydroxocobalamin', 'Cyanocobalamin', 'Phytomenadione',
  'Heparin sodium', 'Enoxaparin', 'Warfarin', 'Protamine sulfate', 'Tranexamic acid', 'Rivaroxaban', 'Dabigatran',
  'Desmopressin', 'Erythropoietin (epoetin alfa)',
  // 12 Cardiovascular
  'Amlodipine', 'Nifedipine', 'Hydrochlorothiazide', 'Chlorthalidone', 'Enalapril', 'Lisinopril', 'Captopril', 'Ramipril',
  'Losartan', 'Telmisartan', 'Valsartan', 'Atenolol', 'Bisoprolol', 'Carvedilol', 'Metoprolol', 'Propranolol', 'Labetalol',
  'Methyldopa', 'Hydralazine', 'Sodium nitroprusside', 'Spironolactone', 'Furosemide', 'Digoxin', 'Amiodarone', 'Verapamil',
  'Adenosine', 'Glyceryl trinitrate', 'Isosorbide dinitrate', 'Atorvastatin', 'Simvastatin', 'Rosuvastatin', 'Clopidogrel',
  'Streptokinase', 'Alteplase', 'Dopamine', 'Dobutamine', 'Norepinephrine', 'Lisinopril + hydrochlorothiazide',
  'Losartan + hydrochlorothiazide', 'Amlodipine + losartan', 'Amlodipine + telmisartan', 'Sacubitril + valsartan',
  // 13 Dermatological
  'Silver sulfadiazine', 'Benzoyl peroxide', 'Betamethasone', 'Calamine', 'Coal tar', 'Salicylic acid', 'Urea', 'Permethrin',
  'Benzyl benzoate', 'Podophyllum resin', 'Fluorouracil', 'Selenium sulfide', 'Potassium permanganate',
  'Methylrosanilinium chloride (gentian violet)', 'Hydrocortisone cream', 'Zinc oxide',
  // 15 Disinfectants and antiseptics
  'Chlorhexidine', 'Povidone iodine', 'Ethanol', 'Hydrogen peroxide',
  // 16 Diuretics
  'Mannitol', 'Amiloride', 'Acetazolamide',
  // 17 Gastrointestinal
  'Omeprazole', 'Esomeprazole', 'Pantoprazole', 'Ranitidine', 'Famotidine', 'Aluminium hydroxide', 'Magnesium hydroxide',
  'Magnesium trisilicate', 'Sucralfate', 'Bisacodyl', 'Oral rehydration salts', 'Zinc sulfate', 'Oral rehydration salts + zinc sulfate',
  'Sulfasalazine', 'Mesalazine', 'Prochlorperazine', 'Dexamethasone tablets', 'Aprepitant', 'Simethicone',
  'Metronidazole + diloxanide', 'Bismuth subcitrate', 'Domperidone',
  // 18 Endocrine, diabetes, contraception
  'Metformin', 'Glibenclamide', 'Gliclazide', 'Glimepiride', 'Insulin injection (soluble)', 'Intermediate-acting insulin',
  'Insulin glargine', 'Biphasic isophane insulin', 'Empagliflozin', 'Sitagliptin', 'Levothyroxine', 'Carbimazole',
  'Propylthiouracil', 'Fludrocortisone', 'Medroxyprogesterone acetate', 'Depot medroxyprogesterone acetate', 'Levonorgestrel',
  'Ethinylestradiol + levonorgestrel', 'Ethinylestradiol + norethisterone', 'Etonogestrel implant', 'Levonorgestrel implant',
  'Ulipristal', 'Norethisterone', 'Estradiol', 'Testosterone', 'Clomifene', 'Copper-containing IUD',
  // 19 Immunologicals (vaccines and sera)
  'Tetanus toxoid', 'Tetanus immunoglobulin', 'Anti-rabies immunoglobulin', 'Rabies vaccine', 'Antivenom immunoglobulin',
  'Anti-D immunoglobulin', 'Hepatitis B vaccine', 'BCG vaccine', 'Measles-rubella vaccine', 'Yellow fever vaccine',
  'HPV vaccine', 'Pneumococcal conjugate vaccine', 'Rotavirus vaccine', 'Malaria vaccine (RTS,S)', 'Typhoid vaccine',
  // 20 Muscle relaxants and cholinesterase inhibitors
  'Neostigmine', 'Pyridostigmine', 'Suxamethonium', 'Vecuronium', 'Atracurium', 'Baclofen',
  // 21 Ophthalmological
  'Tetracycline eye ointment', 'Chloramphenicol eye drops', 'Gentamicin eye drops', 'Ofloxacin eye drops', 'Aciclovir eye ointment',
  'Prednisolone eye drops', 'Tropicamide', 'Atropine eye drops', 'Timolol', 'Pilocarpine', 'Latanoprost', 'Tetracaine',
  'Fluorescein', 'Natamycin', 'Ciprofloxacin ear drops', 'Acetic acid ear drops',
  // 22 Medicines for reproductive health and perinatal care
  'Oxytocin', 'Misoprostol', 'Ergometrine', 'Carbetocin', 'Mifepristone', 'Nifedipine (tocolysis)', 'Magnesium sulfate injection',
  'Calcium carbonate', 'Iron + folic acid', 'Dexamethasone (antenatal)', 'Betamethasone injection', 'Caffeine citrate',
  'Surfactant', 'Chlorhexidine digluconate (umbilical cord)', 'Vitamin K (phytomenadione) injection',
  // 24 Mental and behavioural disorders
  'Chlorpromazine', 'Fluphenazine', 'Haloperidol decanoate', 'Olanzapine', 'Risperidone', 'Paliperidone', 'Clozapine',
  'Fluoxetine', 'Sertraline', 'Citalopram', 'Escitalopram', 'Imipramine', 'Clomipramine', 'Lithium carbonate', 'Quetiapine',
  'Buprenorphine', 'Nicotine replacement therapy', 'Varenicline', 'Thiamine', 'Bupropion',
  // 25 Respiratory
  'Salbutamol', 'Salbutamol inhaler', 'Beclometasone', 'Budesonide', 'Budesonide + formoterol', 'Ipratropium bromide',
  'Tiotropium', 'Aminophylline', 'Theophylline', 'Montelukast', 'Epinephrine nebulised',
  // 26 Solutions correcting water, electrolyte and acid–base disturbances
  'Sodium chloride 0.9%', 'Glucose 5%', 'Glucose 10%', 'Glucose 50%', 'Glucose + sodium chloride', 'Sodium lactate compound (Ringer\'s lactate)',
  'Potassium chloride', 'Sodium bicarbonate', 'Water for injection',
  // 27 Vitamins and minerals
  'Retinol (vitamin A)', 'Ascorbic acid', 'Colecalciferol', 'Ergocalciferol', 'Calcium + vitamin D', 'Riboflavin', 'Nicotinamide',
  'Multivitamin', 'Sodium fluoride', 'Iodine',
  // 28 Ear, nose and throat; 29 joints
  'Xylometazoline', 'Budesonide nasal spray', 'Sodium chloride nasal drops', 'Hydroxychloroquine', 'Colchicine', 'Naproxen',
  'Indometacin', 'Meloxicam', 'Mefenamic acid', 'Piroxicam', 'Ketorolac', 'Celecoxib', 'Etoricoxib', 'Prednisone',
  'Methylprednisolone',
];

/** The completion list: `ESSENTIAL_MEDICINES` without repeats (case-insensitive), sorted for display. */
export function medicineSuggestions(): string[] {
  const seen = new Map<string, string>();
  for (const n of ESSENTIAL_MEDICINES) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en'));
}
