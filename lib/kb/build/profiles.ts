/**
 * @module lib/kb/build/profiles — country profiles (capital, population, leaders, neighbours …) from the
 * Factbook's facts and world-countries, and the office holders as person entries linked to their country.
 * Pure: the build passes in the parsed sources; same input, same output.
 */

import { foldedWords, foldKey, skeleton } from '../../text/fold';
import type { CountryProfile, KbEntry, OfficeTerm, ProfileLink } from '../types';
import { countryId, type WorldCountry } from './countries';
import type { FactbookCountry, OfficeHolder } from './factbook';

/** data/countries/factbook.json: what scripts/convert-factbook writes. */
export interface FactbookFile {
  source: string;
  asOf: string;
  countries: FactbookCountry[];
}

export const WORLD_COUNTRIES_SOURCE = 'world-countries (mledoze/countries, ODbL 1.0)';

export interface ProfileInputs {
  /** Every entry built so far (places and curated actors), sorted or not. */
  entries: readonly KbEntry[];
  countries: readonly WorldCountry[];
  factbook?: FactbookFile;
  /** The GeoNames town world-countries names as each country's capital (ISO alpha-2 → entry id). */
  capitalIds?: ReadonlyMap<string, string>;
}

export interface ProfileResult {
  /** The entries with profiles attached and curated leaders given their office facts and relations. */
  entries: KbEntry[];
  /** Office holders the knowledge base did not have, new person entries. */
  added: KbEntry[];
}

function isCountry(e: KbEntry): boolean {
  return (e.subtype === 'country' || e.subtype === 'territory') && e.kind === 'place';
}

function slug(name: string): string {
  return foldedWords(name)
    .join('-')
    .replace(/[^a-z0-9-]/g, '');
}

/** "Western Asia" → "Western Asia"; a country without a subregion gets its region. */
function regionOf(c: WorldCountry): string | undefined {
  return c.subregion || c.region || undefined;
}

/** "1 234 567" with a thin grouping, for descriptions. */
function populationWords(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2).replace(/\.?0+$/, '')} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  return n.toLocaleString('en-US');
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The line a country's card opens with, written from its profile's facts (never copied prose):
 * "Presidential republic in Western Asia; capital Damascus; population 25.6 million (2025)."
 */
export function countryDescription(profile: CountryProfile, subtype: string): string {
  const kind = profile.governmentType ? capitalize(profile.governmentType) : capitalize(subtype);
  const parts = [profile.region ? `${kind} in ${profile.region}` : kind];
  const capitals = profile.capitals.map((c) => c.name);
  if (capitals.length > 0) parts.push(`capital ${listWords(capitals)}`);
  if (profile.population) {
    const year = profile.populationYear ? ` (${profile.populationYear})` : '';
    parts.push(`population ${populationWords(profile.population)}${year}`);
  }
  return `${parts.join('; ')}.`;
}

/**
 * True when a curated person of the holder's country is the office holder: one of the person's names of two
 * or more words has its first and last word among the holder's words, compared as transliteration skeletons
 * ("Ahmed al-Sharaa" for "Ahmad al-Shara'", "Luis Abinader" for "Luis Rodolfo Abinader Corona"), and one of
 * them in its place; or a one-word name equals the holder's whole name ("Naruhito").
 */
export function isSamePerson(person: KbEntry, holderName: string): boolean {
  const holder = foldedWords(holderName).map(looseWord);
  const words = new Set(holder);
  // "Salman bin Hamad Al Khalifa" is not "Hamad bin Isa Al Khalifa": patronymic names must agree on the first name.
  const patronymic = foldedWords(holderName).some((w) => PATRONYMIC.has(w));
  return [person.name, ...person.aliases].some((n) => {
    const name = foldedWords(n).map(looseWord);
    if (name.length === 1) return holder.length === 1 && name[0] === holder[0];
    const first = name[0] ?? '';
    const last = name[name.length - 1] ?? '';
    if (!words.has(first) || !words.has(last)) return false;
    return patronymic ? holder[0] === first : holder[0] === first || holder.at(-1) === last;
  });
}

const PATRONYMIC = new Set(['bin', 'bint', 'ibn', 'ibni', 'ould']);

/** A word compared by its transliteration skeleton, or whole when the skeleton is too short to tell ("Hae", "Hui"). */
function looseWord(word: string): string {
  const s = skeleton(word);
  return s.length >= 3 ? s : word;
}

/** A holder's name as an entry name: one word alone ("Philippe") reads as a given name, so it keeps the title. */
function holderEntryName(holder: OfficeHolder): string {
  const single = foldedWords(holder.name).length === 1;
  return single && holder.title ? `${holder.title.replace(/\s+[A-Z][a-z]{1,4}\.$/, '')} ${holder.name}` : holder.name;
}

/**
 * Attaches a profile to every country and territory, and links each office holder to a person entry:
 * a curated person of that country with the holder's name, else one the same run made for another
 * country (a monarch of several realms), else a new entry from the Factbook's facts.
 */
export function attachProfiles(inputs: ProfileInputs): ProfileResult {
  const { factbook } = inputs;
  const byCode = new Map(inputs.countries.map((c) => [c.cca2, c]));
  const byCca3 = new Map(inputs.countries.map((c) => [c.cca3, c]));
  const factsByCode = new Map((factbook?.countries ?? []).map((f) => [f.code, f]));
  const entryById = new Map(inputs.entries.map((e) => [e.id, e]));
  const countryEntryByCode = new Map(
    inputs.entries.filter((e) => isCountry(e) && e.country).map((e) => [e.country as string, e]),
  );
  const people = inputs.entries.filter((e) => e.kind === 'person');
  // A town of the country by folded name, the most prominent, for capitals world-countries does not name.
  const townByKey = new Map<string, KbEntry>();
  for (const e of inputs.entries) {
    if (e.kind !== 'place' || !e.country || isCountry(e) || e.subtype === 'region') continue;
    const key = `${e.country}|${foldKey(e.name)}`;
    const seen = townByKey.get(key);
    if (!seen || (e.prominence ?? 0) > (seen.prominence ?? 0)) townByKey.set(key, e);
  }

  const updated = new Map<string, KbEntry>();
  const added = new Map<string, KbEntry>();
  const madeFor = new Map<string, string>(); // folded holder name → person id, across countries
  const source = factbook?.source ?? '';
  const asOf = factbook?.asOf ?? '';

  const personFor = (holder: OfficeHolder, cc: string, office: 'head-of-state' | 'head-of-government') => {
    const key = foldKey(holder.name);
    const countryEntry = countryEntryByCode.get(cc);
    const countryName = countryEntry?.name ?? cc;
    // This country's person by any spelling, else anyone with exactly this name (a monarch of several realms).
    const local = people.find((p) => p.country === cc && isSamePerson(p, holder.name));
    const anywhere = people.find((p) => [p.name, ...p.aliases].some((n) => foldKey(n) === key));
    let id = local?.id ?? anywhere?.id ?? madeFor.get(key);
    if (!id) {
      id = `bs:${slug(holderEntryName(holder))}`;
      if (entryById.has(id) && !added.has(id)) id = `${id}-${cc.toLowerCase()}`;
    }
    madeFor.set(key, id);
    const title = holder.title ?? (office === 'head-of-state' ? 'Head of state' : 'Head of government');
    const fact = holder.since
      ? { date: holder.since, text: `Took office as ${title} of ${countryName}`, source }
      : undefined;
    const relation = countryEntry ? { type: 'leads' as const, target: countryEntry.id } : undefined;
    const base = updated.get(id) ?? added.get(id) ?? entryById.get(id);
    if (base) {
      const facts = [...(base.facts ?? [])];
      if (fact && !facts.some((f) => f.date === fact.date)) facts.push(fact);
      const relations = [...(base.relations ?? [])];
      if (relation && !relations.some((r) => r.type === 'leads' && r.target === relation.target)) {
        relations.push(relation);
      }
      const next = { ...base, facts, relations };
      if (added.has(id)) added.set(id, next);
      else updated.set(id, next);
    } else {
      const role = `${title} of ${countryName}${holder.since ? ` (since ${holder.since.slice(0, 4)})` : ''}`;
      const entry: KbEntry = {
        id,
        kind: 'person',
        subtype: office,
        name: holderEntryName(holder),
        aliases: [],
        country: cc,
        role,
        prominence: 0.6,
        source,
        asOf,
      };
      if (fact) entry.facts = [fact];
      if (relation) entry.relations = [relation];
      added.set(id, entry);
    }
    const name = (added.get(id) ?? updated.get(id) ?? entryById.get(id))?.name ?? holder.name;
    const term: OfficeTerm = { name, id };
    if (holder.title) term.title = holder.title;
    if (holder.since) term.since = holder.since;
    return term;
  };

  for (const cc of [...countryEntryByCode.keys()].sort()) {
    const entry = countryEntryByCode.get(cc);
    const world = byCode.get(cc);
    if (!entry || !world) continue;
    const facts = factsByCode.get(cc);
    const capitalNames = facts?.capitals.length ? facts.capitals : world.capital;
    const capitals: ProfileLink[] = capitalNames.map((name, i) => {
      // "Washington, D.C." is the town GeoNames calls Washington.
      const town =
        townByKey.get(`${cc}|${foldKey(name)}`) ?? townByKey.get(`${cc}|${foldKey(name.split(',')[0] ?? '')}`);
      const id = town?.id ?? (i === 0 ? inputs.capitalIds?.get(cc) : undefined);
      return id ? { name, id } : { name };
    });
    const borders = (world.borders ?? []).flatMap((code) => {
      const n = byCca3.get(code);
      return n ? [{ name: countryEntryByCode.get(n.cca2)?.name ?? n.name.common, id: countryId(n.cca2) }] : [];
    });
    const profile: CountryProfile = {
      capitals,
      languages: Object.values(world.languages ?? {}),
      currencies: Object.entries(world.currencies ?? {}).map(([code, c]) => `${c.name} (${code})`),
      borders,
      headOfState: (facts?.chiefOfState ?? []).map((h) => personFor(h, cc, 'head-of-state')),
      headOfGovernment: (facts?.headOfGovernment ?? []).map((h) => personFor(h, cc, 'head-of-government')),
      unMember: world.unMember,
      sources: facts ? [source, WORLD_COUNTRIES_SOURCE] : [WORLD_COUNTRIES_SOURCE],
    };
    const region = regionOf(world);
    if (region) profile.region = region;
    if (world.area && world.area > 0) profile.area = world.area;
    if (facts?.population) profile.population = facts.population;
    if (facts?.populationYear) profile.populationYear = facts.populationYear;
    if (facts?.governmentType) profile.governmentType = facts.governmentType;
    if (facts?.legislature) profile.legislature = facts.legislature;
    if (facts?.armedForces) profile.armedForces = facts.armedForces;
    if (facts && asOf) profile.asOf = asOf;
    const base = updated.get(entry.id) ?? entry;
    const next: KbEntry = { ...base, profile };
    if (!next.description) next.description = countryDescription(profile, entry.subtype);
    if (facts && (!next.asOf || next.asOf < asOf)) next.asOf = asOf;
    updated.set(entry.id, next);
  }
  const entries = inputs.entries.map((e) => updated.get(e.id) ?? e);
  return { entries, added: [...added.values()] };
}
