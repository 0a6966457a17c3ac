/**
 * Medicine classes for the allergy check at prescribing (`matchAllergies`), with the substances of
 * each class, their other names, and the cross-reactivity notes between classes.
 *
 * Sources (see README.md beside this file):
 * - Class membership follows the WHO Anatomical Therapeutic Chemical (ATC) classification, WHO
 *   Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index (https://atcddd.fhi.no/atc_ddd_index/),
 *   at the group level named in `atc` (e.g. J01CA/J01CE/J01CF/J01CR penicillins). Only the group codes
 *   and which substance belongs to which group are used (facts), no text or DDD values are copied.
 * - Name stems (`stems`: "-cillin", "cef-", "-floxacin", "-cycline", "-profen", "-pril"…) from WHO,
 *   "The use of stems in the selection of International Nonproprietary Names (INN) for pharmaceutical
 *   substances", WHO/EMP/RHT/TSN/2018.1 (CC BY-NC-SA 3.0 IGO).
 * - Cross-reactivity (`CROSS_REACTIVITY`, and `sharedAllergy`): Khan DA, Banerji A, Blumenthal KG et al.,
 *   "Drug allergy: a 2022 practice parameter update", J Allergy Clin Immunol 2022;150(6):1333–1393;
 *   Pichichero ME, "Cephalosporins can be prescribed safely for penicillin-allergic patients",
 *   J Fam Pract 2006;55(2):106–112 (first-generation cephalosporins with side chains like
 *   ampicillin/amoxicillin carry the higher risk); Strom BL et al., NEJM 2003;349:1628–1635
 *   (sulfonamide non-antibiotics such as furosemide or hydrochlorothiazide are NOT cross-reactive with
 *   sulfonamide antibiotics, so they are not listed); aspirin and COX-1-inhibiting NSAIDs are
 *   cross-intolerant (NSAID-exacerbated respiratory disease, same practice parameter).
 *
 * Names here are written plainly; `matchAllergies` folds them like the texts it compares (lower case,
 * no accents, "ph"→"f", a final "e" dropped, hyphens as spaces). This is a safety net for the
 * prescriber, not a complete drug database: free text that names no substance it knows is matched on
 * the words of the allergy only.
 */

/** One class: `sharedAllergy` — an allergy to one member is taken as an allergy to every member. */
export interface DrugClass {
  id: string;
  /** Shown to the prescriber, e.g. "penicillins". */
  name: string;
  /** WHO ATC groups the class follows. */
  atc: string[];
  /** Words an allergy entry may use for the whole class ("penicillin", "sulfa", "NSAIDs"). */
  aliases: string[];
  members: string[];
  /** INN stems: a word starting (`cef*`) or ending (`*cillin`) like this is a member. */
  stems?: string[];
  /** Classes whose members all belong to this one too (beta-lactams). */
  includes?: string[];
  sharedAllergy: boolean;
}

export const DRUG_CLASSES: DrugClass[] = [
  {
    id: 'penicillins', name: 'penicillins', atc: ['J01CA', 'J01CE', 'J01CF', 'J01CG', 'J01CR'], sharedAllergy: true,
    aliases: ['penicillin', 'penicillins', 'pcn', 'penicillin antibiotics'],
    members: [
      'amoxicillin', 'ampicillin', 'bacampicillin', 'pivampicillin', 'sultamicillin', 'piperacillin', 'ticarcillin', 'temocillin',
      'mecillinam', 'pivmecillinam', 'carbenicillin', 'benzylpenicillin', 'benzathine benzylpenicillin', 'procaine benzylpenicillin',
      'phenoxymethylpenicillin', 'cloxacillin', 'dicloxacillin', 'flucloxacillin', 'oxacillin', 'meticillin', 'nafcillin',
    ],
    stems: ['*cillin', '*cillinam'],
  },
  {
    id: 'cephalosporins', name: 'cephalosporins', atc: ['J01DB', 'J01DC', 'J01DD', 'J01DE', 'J01DI'], sharedAllergy: true,
    aliases: ['cefalosporin', 'cefalosporins'],
    members: [
      'cefalexin', 'cefadroxil', 'cefazolin', 'cefalotin', 'cefradine', 'cefuroxime', 'cefaclor', 'cefprozil', 'cefoxitin',
      'ceftriaxone', 'cefotaxime', 'ceftazidime', 'cefixime', 'cefpodoxime', 'cefdinir', 'cefoperazone', 'cefepime',
      'ceftaroline fosamil', 'ceftolozane', 'cefiderocol', 'ceftibuten',
    ],
    stems: ['cef*'],
  },
  {
    id: 'carbapenems', name: 'carbapenems', atc: ['J01DH'], sharedAllergy: true,
    aliases: ['carbapenem', 'carbapenems'],
    members: ['imipenem', 'meropenem', 'ertapenem', 'doripenem'],
    stems: ['*penem'],
  },
  {
    id: 'beta-lactams', name: 'beta-lactam antibiotics', atc: ['J01C', 'J01D'], sharedAllergy: false,
    aliases: ['beta lactam', 'beta lactams', 'betalactam', 'betalactams', 'b lactam', 'b lactams', 'beta lactam antibiotics'],
    members: ['aztreonam'],
    includes: ['penicillins', 'cephalosporins', 'carbapenems'],
  },
  {
    id: 'sulfonamides', name: 'sulfonamide antibiotics', atc: ['J01E', 'P01BD51', 'D06BA01', 'A07EC01'], sharedAllergy: true,
    aliases: ['sulfa', 'sulfa drugs', 'sulfa drug', 'sulfonamide', 'sulfonamides', 'sulfonamide antibiotics', 'sulfas'],
    members: [
      'sulfamethoxazole', 'sulfadiazine', 'silver sulfadiazine', 'sulfadoxine', 'sulfasalazine', 'sulfacetamide',
      'sulfisoxazole', 'sulfamethizole', 'sulfadimidine',
    ],
    stems: ['sulfa*'],
  },
  {
    id: 'nsaids', name: 'NSAIDs (including aspirin)', atc: ['M01A', 'N02BA', 'B01AC06'], sharedAllergy: true,
    aliases: [
      'nsaid', 'nsaids', 'non steroidal anti inflammatory', 'non steroidal anti inflammatory drugs', 'non steroidal anti inflammatories',
      'nonsteroidal anti inflammatory drugs', 'anti inflammatories', 'salicylate', 'salicylates',
    ],
    members: [
      'acetylsalicylic acid', 'diflunisal', 'ibuprofen', 'diclofenac', 'aceclofenac', 'naproxen', 'indometacin', 'ketoprofen',
      'dexketoprofen', 'flurbiprofen', 'fenoprofen', 'piroxicam', 'meloxicam', 'tenoxicam', 'lornoxicam', 'mefenamic acid',
      'ketorolac', 'etodolac', 'nabumetone', 'sulindac', 'celecoxib', 'etoricoxib', 'parecoxib', 'nimesulide',
    ],
    stems: ['*profen', '*fenac', '*oxicam', '*coxib'],
  },
  {
    id: 'macrolides', name: 'macrolides', atc: ['J01FA'], sharedAllergy: true,
    aliases: ['macrolide', 'macrolides'],
    members: ['erythromycin', 'azithromycin', 'clarithromycin', 'roxithromycin', 'spiramycin', 'telithromycin'],
    stems: ['*thromycin'],
  },
  {
    id: 'lincosamides', name: 'lincosamides', atc: ['J01FF'], sharedAllergy: true,
    aliases: ['lincosamide', 'lincosamides'],
    members: ['clindamycin', 'lincomycin'],
  },
  {
    id: 'quinolones', name: 'quinolones / fluoroquinolones', atc: ['J01MA', 'J01MB'], sharedAllergy: true,
    aliases: ['quinolone', 'quinolones', 'fluoroquinolone', 'fluoroquinolones'],
    members: ['ciprofloxacin', 'levofloxacin', 'ofloxacin', 'norfloxacin', 'moxifloxacin', 'gatifloxacin', 'nalidixic acid', 'lomefloxacin'],
    stems: ['*floxacin'],
  },
  {
    id: 'tetracyclines', name: 'tetracyclines', atc: ['J01AA'], sharedAllergy: true,
    aliases: ['tetracyclines'],
    members: ['doxycycline', 'tetracycline', 'oxytetracycline', 'minocycline', 'tigecycline', 'demeclocycline', 'chlortetracycline'],
    stems: ['*cycline'],
  },
  {
    id: 'aminoglycosides', name: 'aminoglycosides', atc: ['J01G'], sharedAllergy: true,
    aliases: ['aminoglycoside', 'aminoglycosides'],
    members: ['gentamicin', 'amikacin', 'streptomycin', 'kanamycin', 'tobramycin', 'neomycin', 'netilmicin'],
  },
  {
    id: 'nitroimidazoles', name: 'nitroimidazoles', atc: ['P01AB', 'J01XD'], sharedAllergy: true,
    aliases: ['nitroimidazole', 'nitroimidazoles'],
    members: ['metronidazole', 'tinidazole', 'secnidazole', 'ornidazole'],
  },
  {
    id: 'opioids', name: 'opioids', atc: ['N02A', 'R05DA'], sharedAllergy: false,
    aliases: ['opioid', 'opioids', 'opiate', 'opiates', 'narcotics'],
    members: ['tramadol', 'pethidine', 'fentanyl', 'methadone', 'tapentadol', 'pentazocine'],
    includes: ['opioids-morphinans'],
  },
  {
    id: 'opioids-morphinans', name: 'opioids (morphine-like)', atc: ['N02AA', 'N02AE', 'R05DA'], sharedAllergy: true,
    aliases: [],
    members: ['morphine', 'codeine', 'dihydrocodeine', 'hydromorphone', 'oxycodone', 'hydrocodone', 'buprenorphine', 'nalbuphine', 'diamorphine'],
  },
  {
    id: 'ace-inhibitors', name: 'ACE inhibitors', atc: ['C09AA', 'C09BA'], sharedAllergy: true,
    aliases: ['ace inhibitor', 'ace inhibitors', 'acei'],
    members: ['enalapril', 'lisinopril', 'captopril', 'ramipril', 'perindopril'],
    stems: ['*pril'],
  },
  {
    id: '4-aminoquinolines', name: '4-aminoquinolines', atc: ['P01BA'], sharedAllergy: true,
    aliases: ['aminoquinolines'],
    members: ['chloroquine', 'hydroxychloroquine', 'amodiaquine'],
  },
  {
    id: 'artemisinins', name: 'artemisinins', atc: ['P01BE', 'P01BF'], sharedAllergy: true,
    aliases: ['artemisinin', 'artemisinins'],
    members: ['artemether', 'artesunate', 'dihydroartemisinin', 'arteether'],
    stems: ['arte*'],
  },
  {
    id: 'aromatic-anticonvulsants', name: 'aromatic anticonvulsants', atc: ['N03AA', 'N03AB', 'N03AF'], sharedAllergy: true,
    aliases: ['aromatic anticonvulsants', 'aromatic antiepileptics'],
    members: ['carbamazepine', 'oxcarbazepine', 'phenytoin', 'fosphenytoin', 'phenobarbital', 'primidone', 'lamotrigine'],
  },
];

/**
 * Other names of substances (brand-ish, British/US, abbreviations, combinations) → the substances
 * they contain (folded INN names). A combination lists every substance.
 */
export const SUBSTANCE_ALIASES: Record<string, string[]> = {
  'co amoxiclav': ['amoxicillin', 'clavulanic acid'],
  'amoxiclav': ['amoxicillin', 'clavulanic acid'],
  'augmentin': ['amoxicillin', 'clavulanic acid'],
  'amoxicillin clavulanate': ['amoxicillin', 'clavulanic acid'],
  'amoxycillin': ['amoxicillin'],
  'amoxil': ['amoxicillin'],
  'ampiclox': ['ampicillin', 'cloxacillin'],
  'penicillin v': ['phenoxymethylpenicillin'],
  'pen v': ['phenoxymethylpenicillin'],
  'penicillin g': ['benzylpenicillin'],
  'pen g': ['benzylpenicillin'],
  'crystalline penicillin': ['benzylpenicillin'],
  'benzathine penicillin': ['benzathine benzylpenicillin'],
  'procaine penicillin': ['procaine benzylpenicillin'],
  'floxapen': ['flucloxacillin'],
  'methicillin': ['meticillin'],
  'piperacillin tazobactam': ['piperacillin', 'tazobactam'],
  'tazocin': ['piperacillin', 'tazobactam'],
  'rocephin': ['ceftriaxone'],
  'keflex': ['cefalexin'],
  'zinnat': ['cefuroxime'],
  'co trimoxazole': ['sulfamethoxazole', 'trimethoprim'],
  'cotrimoxazole': ['sulfamethoxazole', 'trimethoprim'],
  'septrin': ['sulfamethoxazole', 'trimethoprim'],
  'bactrim': ['sulfamethoxazole', 'trimethoprim'],
  'smx tmp': ['sulfamethoxazole', 'trimethoprim'],
  'tmp smx': ['sulfamethoxazole', 'trimethoprim'],
  'sulfadoxine pyrimethamine': ['sulfadoxine', 'pyrimethamine'],
  'fansidar': ['sulfadoxine', 'pyrimethamine'],
  'aspirin': ['acetylsalicylic acid'],
  'asa': ['acetylsalicylic acid'],
  'brufen': ['ibuprofen'],
  'voltaren': ['diclofenac'],
  'indomethacin': ['indometacin'],
  'ponstan': ['mefenamic acid'],
  'cipro': ['ciprofloxacin'],
  'flagyl': ['metronidazole'],
  'zithromax': ['azithromycin'],
  'coartem': ['artemether', 'lumefantrine'],
  'artemether lumefantrine': ['artemether', 'lumefantrine'],
  'dha ppq': ['dihydroartemisinin', 'piperaquine'],
  'duo cotecxin': ['dihydroartemisinin', 'piperaquine'],
  'meperidine': ['pethidine'],
  'heroin': ['diamorphine'],
  'tegretol': ['carbamazepine'],
  'phenobarbitone': ['phenobarbital'],
  'epanutin': ['phenytoin'],
  'dilantin': ['phenytoin'],
  'cefalothin': ['cefalotin'],
  'cefazoline': ['cefazolin'],
};

/** Folded words a stem would wrongly claim: sulfates are salts (ferrous sulfate), not sulfonamides. */
export const STEM_EXCEPTIONS = ['sulfat', 'sulfates', 'sulfated'];

/**
 * Cross-reactivity between classes: an allergy in `from` warns for a medicine in `to`, with the note
 * shown to the prescriber. Sources: the practice parameter and Pichichero (header).
 */
export const CROSS_REACTIVITY: Array<{ from: string; to: string; note: string }> = [
  {
    from: 'penicillins', to: 'cephalosporins',
    note: 'Penicillin–cephalosporin cross-reactivity is low (about 1–2%), higher for first-generation cephalosporins with similar side chains (cefalexin, cefadroxil, cefazolin); avoid after a severe reaction.',
  },
  {
    from: 'cephalosporins', to: 'penicillins',
    note: 'Cephalosporin–penicillin cross-reactivity is low (about 1–2%), mostly through shared side chains (e.g. cefalexin/cefadroxil with amoxicillin/ampicillin).',
  },
  {
    from: 'penicillins', to: 'carbapenems',
    note: 'Penicillin–carbapenem cross-reactivity is under 1%; avoid after a severe reaction.',
  },
];
