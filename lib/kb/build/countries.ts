/** @module lib/kb/build/countries — world-countries records to KB entries: names, demonyms, ids. */

import type { KbEntry } from '../types';
import { round4 } from './geonames';
import { cleanAliases, type WordFilter } from './names';
import { placeProminence } from './prominence';

/** The fields of a world-countries record that the build uses. */
export interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  languages?: Record<string, string>;
  latlng: number[];
  demonyms?: { eng?: { f: string; m: string } };
  region?: string;
  subregion?: string;
  area?: number;
  /** Neighbours' ISO alpha-3 codes. */
  borders?: string[];
  currencies?: Record<string, { name: string; symbol?: string }>;
}

/**
 * Wikidata QIDs of countries, listed only where certain. Others get `iso:<CC>`.
 * Source: Wikidata (each country's item).
 */
export const COUNTRY_QIDS: Readonly<Record<string, string>> = {
  AD: 'Q228',
  AE: 'Q878',
  AF: 'Q889',
  AG: 'Q781',
  AL: 'Q222',
  AM: 'Q399',
  AO: 'Q916',
  AR: 'Q414',
  AT: 'Q40',
  AU: 'Q408',
  AZ: 'Q227',
  BA: 'Q225',
  BB: 'Q244',
  BD: 'Q902',
  BE: 'Q31',
  BF: 'Q965',
  BG: 'Q219',
  BH: 'Q398',
  BI: 'Q967',
  BJ: 'Q962',
  BN: 'Q921',
  BO: 'Q750',
  BR: 'Q155',
  BS: 'Q778',
  BT: 'Q917',
  BW: 'Q963',
  BY: 'Q184',
  BZ: 'Q242',
  CA: 'Q16',
  CD: 'Q974',
  CF: 'Q929',
  CG: 'Q971',
  CH: 'Q39',
  CI: 'Q1008',
  CL: 'Q298',
  CM: 'Q1009',
  CN: 'Q148',
  CO: 'Q739',
  CR: 'Q800',
  CU: 'Q241',
  CV: 'Q1011',
  CY: 'Q229',
  CZ: 'Q213',
  DE: 'Q183',
  DJ: 'Q977',
  DK: 'Q35',
  DM: 'Q784',
  DO: 'Q786',
  DZ: 'Q262',
  EC: 'Q736',
  EE: 'Q191',
  EG: 'Q79',
  ER: 'Q986',
  ES: 'Q29',
  ET: 'Q115',
  FI: 'Q33',
  FJ: 'Q712',
  FM: 'Q702',
  FR: 'Q142',
  GA: 'Q1000',
  GB: 'Q145',
  GD: 'Q769',
  GE: 'Q230',
  GH: 'Q117',
  GM: 'Q1005',
  GN: 'Q1006',
  GQ: 'Q983',
  GR: 'Q41',
  GT: 'Q774',
  GW: 'Q1007',
  GY: 'Q734',
  HN: 'Q783',
  HR: 'Q224',
  HT: 'Q790',
  HU: 'Q28',
  ID: 'Q252',
  IE: 'Q27',
  IL: 'Q801',
  IN: 'Q668',
  IQ: 'Q796',
  IR: 'Q794',
  IS: 'Q189',
  IT: 'Q38',
  JM: 'Q766',
  JO: 'Q810',
  JP: 'Q17',
  KE: 'Q114',
  KG: 'Q813',
  KH: 'Q424',
  KI: 'Q710',
  KM: 'Q970',
  KN: 'Q763',
  KP: 'Q423',
  KR: 'Q884',
  KW: 'Q817',
  KZ: 'Q232',
  LA: 'Q819',
  LB: 'Q822',
  LC: 'Q760',
  LI: 'Q347',
  LK: 'Q854',
  LR: 'Q1014',
  LS: 'Q1013',
  LT: 'Q37',
  LU: 'Q32',
  LV: 'Q211',
  LY: 'Q1016',
  MA: 'Q1028',
  MC: 'Q235',
  MD: 'Q217',
  ME: 'Q236',
  MG: 'Q1019',
  MH: 'Q709',
  MK: 'Q221',
  ML: 'Q912',
  MM: 'Q836',
  MN: 'Q711',
  MR: 'Q1025',
  MT: 'Q233',
  MU: 'Q1027',
  MV: 'Q826',
  MW: 'Q1020',
  MX: 'Q96',
  MY: 'Q833',
  MZ: 'Q1029',
  NA: 'Q1030',
  NE: 'Q1032',
  NG: 'Q1033',
  NI: 'Q811',
  NL: 'Q55',
  NO: 'Q20',
  NP: 'Q837',
  NR: 'Q697',
  NZ: 'Q664',
  OM: 'Q842',
  PA: 'Q804',
  PE: 'Q419',
  PG: 'Q691',
  PH: 'Q928',
  PK: 'Q843',
  PL: 'Q36',
  PS: 'Q219060',
  PT: 'Q45',
  PW: 'Q695',
  PY: 'Q733',
  QA: 'Q846',
  RO: 'Q218',
  RS: 'Q403',
  RU: 'Q159',
  RW: 'Q1037',
  SA: 'Q851',
  SB: 'Q685',
  SC: 'Q1042',
  SD: 'Q1049',
  SE: 'Q34',
  SG: 'Q334',
  SI: 'Q215',
  SK: 'Q214',
  SL: 'Q1044',
  SM: 'Q238',
  SN: 'Q1041',
  SO: 'Q1045',
  SR: 'Q730',
  SS: 'Q958',
  ST: 'Q1039',
  SV: 'Q792',
  SY: 'Q858',
  SZ: 'Q1050',
  TD: 'Q657',
  TG: 'Q945',
  TH: 'Q869',
  TJ: 'Q863',
  TL: 'Q574',
  TM: 'Q874',
  TN: 'Q948',
  TO: 'Q678',
  TR: 'Q43',
  TT: 'Q754',
  TV: 'Q672',
  TW: 'Q865',
  TZ: 'Q924',
  UA: 'Q212',
  UG: 'Q1036',
  US: 'Q30',
  UY: 'Q77',
  UZ: 'Q265',
  VA: 'Q237',
  VC: 'Q757',
  VE: 'Q717',
  VN: 'Q881',
  VU: 'Q686',
  WS: 'Q683',
  XK: 'Q1246',
  YE: 'Q805',
  ZA: 'Q258',
  ZM: 'Q953',
  ZW: 'Q954',
};

/** The KB id of a country: its QID where certain, else `iso:<CC>`. */
export function countryId(cca2: string): string {
  return COUNTRY_QIDS[cca2] ?? `iso:${cca2}`;
}

// States that ISO 3166 does not flag independent but that news treats as countries.
const PARTLY_RECOGNISED = new Set(['XK', 'PS', 'TW']);

/** country for sovereign and partly recognised states, territory for the rest (Greenland, Guam …). */
export function countrySubtype(c: WorldCountry): 'country' | 'territory' {
  return c.independent === true || c.unMember || PARTLY_RECOGNISED.has(c.cca2) ? 'country' : 'territory';
}

/** True for the entry of a country or territory. */
export function isCountryEntry(e: Pick<KbEntry, 'kind' | 'subtype'>): boolean {
  return e.kind === 'place' && (e.subtype === 'country' || e.subtype === 'territory');
}

/** Plural of a demonym noun: Iraqi → Iraqis, Iranian → Iranians; British, Swiss, Chinese stay as they are. */
export function demonymPlural(demonym: string): string | undefined {
  if (/(?:ese|ss|sh|ch|s|x|z)$/i.test(demonym)) return undefined;
  return `${demonym}s`;
}

/** The demonyms of a country: the English adjective/noun forms and their plurals. */
export function countryDemonyms(c: WorldCountry): string[] {
  const eng = c.demonyms?.eng;
  if (!eng) return [];
  const out: string[] = [];
  for (const d of [eng.m, eng.f]) {
    for (const form of [d, demonymPlural(d)]) if (form && !out.includes(form)) out.push(form);
  }
  return out;
}

/**
 * One country or territory as a KB entry. `populationFigure` stands in for population in the
 * prominence (world-countries has none; the build sums the country's towns).
 */
export function countryEntry(c: WorldCountry, populationFigure: number, isBlocked?: WordFilter): KbEntry {
  const subtype = countrySubtype(c);
  // Alt spellings: drop the bare ISO code (a word like "IQ", "IN"); keep abbreviations news uses (USA, DRC),
  // and skip inverted catalogue forms ("Korea, Republic of").
  const alternates = [c.name.official, ...c.altSpellings].filter((s) => s !== c.cca2 && !s.includes(','));
  const codes = alternates.filter((s) => /^[A-Z]{2,5}$/.test(s));
  const names = cleanAliases(c.name.common, alternates, { isBlocked, max: 24, maxExtraWords: 8 });
  const aliases = [...names, ...codes.filter((s) => !names.includes(s))];
  const entry: KbEntry = {
    id: countryId(c.cca2),
    kind: 'place',
    subtype,
    name: c.name.common,
    aliases,
    country: c.cca2,
    prominence: placeProminence(subtype, populationFigure),
    source: 'world-countries',
  };
  const demonyms = countryDemonyms(c);
  if (demonyms.length > 0) entry.demonyms = demonyms;
  const [lat, lon] = c.latlng;
  if (lat !== undefined && lon !== undefined) {
    entry.lat = round4(lat);
    entry.lon = round4(lon);
  }
  return entry;
}

/** True when Arabic is an official language: names there carry the article al-/el-/ash- … */
export function isArabicSpeaking(c: WorldCountry): boolean {
  return Object.keys(c.languages ?? {}).includes('ara');
}
