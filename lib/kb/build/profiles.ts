/**
 * @module lib/kb/build/profiles — country profiles (capital, population, leaders, neighbours …) from the
 * Factbook's facts and world-countries, and the office holders as person entries linked to their country.
 * Pure: the build passes in the parsed sources; same input, same output.
 */

import { ofCountry } from '../../country-name';
import { readableCount } from '../../panel/country-profile';
import type { CountryProfile, KbEntry, OfficeTerm, ProfileLink } from '../types';
import { countryId, isCountryEntry, type WorldCountry } from './countries';
import type { FactbookCountry, OfficeHolder } from './factbook';
import type { OfficeTerm as HistoryTerm, Office } from './leader-history';
import { cachedFoldKey } from './names';
import { OfficeHolderLedger, officeRole, officeTitle } from './office-holders';

/** data/countries/factbook.json: what scripts/convert-factbook writes. */
export interface FactbookFile {
  source: string;
  asOf: string;
  countries: FactbookCountry[];
}

/** data/countries/factbook-leaders.json: terms of office since 2015 (scripts/convert-factbook --history). */
export interface LeaderHistoryFile {
  source: string;
  asOf: string;
  terms: HistoryTerm[];
}

export const WORLD_COUNTRIES_SOURCE = 'world-countries (mledoze/countries, ODbL 1.0)';

export interface ProfileInputs {
  /** Every entry built so far (places and curated actors), sorted or not. */
  entries: readonly KbEntry[];
  countries: readonly WorldCountry[];
  factbook?: FactbookFile;
  /** The GeoNames town world-countries names as each country's capital (ISO alpha-2 → entry id). */
  capitalIds?: ReadonlyMap<string, string>;
  /** Former holders of the top offices and who succeeded whom. */
  history?: LeaderHistoryFile;
}

export interface ProfileResult {
  /** The entries with profiles attached and curated leaders given their office facts and relations. */
  entries: KbEntry[];
  /** Office holders the knowledge base did not have, new person entries. */
  added: KbEntry[];
}

/**
 * Towns and other places below region level by country and folded name ("SY|damascus"), the most prominent
 * for each: how a capital or a headquarters named in words finds its entry.
 */
export function placesByName(entries: readonly KbEntry[]): Map<string, KbEntry> {
  const byKey = new Map<string, KbEntry>();
  for (const e of entries) {
    if (e.kind !== 'place' || !e.country || isCountryEntry(e) || e.subtype === 'region') continue;
    const key = placeKey(e.country, e.name);
    const seen = byKey.get(key);
    if (!seen || (e.prominence ?? 0) > (seen.prominence ?? 0)) byKey.set(key, e);
  }
  return byKey;
}

/** The key of `placesByName`. */
export function placeKey(country: string, name: string): string {
  return `${country}|${cachedFoldKey(name)}`;
}

/** "Western Asia" → "Western Asia"; a country without a subregion gets its region. */
function regionOf(c: WorldCountry): string | undefined {
  return c.subregion || c.region || undefined;
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
    parts.push(`population ${readableCount(profile.population)}${year}`);
  }
  return `${parts.join('; ')}.`;
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
  const countryEntryByCode = new Map(
    inputs.entries.filter((e) => isCountryEntry(e) && e.country).map((e) => [e.country as string, e]),
  );
  // A town of the country by folded name, for capitals world-countries does not name.
  const townByKey = placesByName(inputs.entries);

  const updated = new Map<string, KbEntry>();
  const source = factbook?.source ?? '';
  const asOf = factbook?.asOf ?? '';
  const ledger = new OfficeHolderLedger(inputs.entries, source, asOf);
  const countryNameOf = (cc: string) => countryEntryByCode.get(cc)?.name ?? cc;

  const personFor = (holder: OfficeHolder, cc: string, office: Office): OfficeTerm => {
    const countryName = countryNameOf(cc);
    const id = ledger.resolve(holder, { code: cc, countryName, office, current: true });
    const title = officeTitle(holder, office);
    if (holder.since) {
      ledger.addFact(id, { date: holder.since, text: `Took office as ${title} of ${ofCountry(countryName)}`, source });
    }
    const country = countryEntryByCode.get(cc);
    if (country) ledger.addRelation(id, { type: 'leads', target: country.id });
    const term: OfficeTerm = { name: ledger.entry(id)?.name ?? holder.name, id };
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
      const town = townByKey.get(placeKey(cc, name)) ?? townByKey.get(placeKey(cc, name.split(',')[0] ?? ''));
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
    const next: KbEntry = { ...entry, profile };
    if (!next.description) next.description = countryDescription(profile, entry.subtype);
    if (facts && (!next.asOf || next.asOf < asOf)) next.asOf = asOf;
    updated.set(entry.id, next);
  }
  if (inputs.history) {
    const current = new Set(
      [...updated.values()]
        .flatMap((e) => [...(e.profile?.headOfState ?? []), ...(e.profile?.headOfGovernment ?? [])])
        .map((t) => `${t.id}`),
    );
    const countryIdOf = (cc: string) => countryEntryByCode.get(cc)?.id;
    addHistory(inputs.history, ledger, countryNameOf, (id) => current.has(id), countryIdOf);
  }
  const changed = ledger.changedEntries();
  const entries = inputs.entries.map((e) => updated.get(e.id) ?? changed.get(e.id) ?? e);
  return { entries, added: ledger.addedEntries() };
}

/**
 * Former holders: each term's start and, when the change was seen promptly, its end are dated facts, and the
 * successor `succeeded` the holder. Current holders were resolved first, so they keep their current role.
 */
function addHistory(
  history: LeaderHistoryFile,
  ledger: OfficeHolderLedger,
  countryNameOf: (cc: string) => string,
  isCurrent: (id: string) => boolean,
  countryIdOf: (cc: string) => string | undefined,
): void {
  const { source } = history;
  const terms = [...history.terms].sort((a, b) => ((a.since ?? a.firstSeen) < (b.since ?? b.firstSeen) ? -1 : 1));
  for (const term of terms) {
    const countryName = countryNameOf(term.code);
    const context = { code: term.code, countryName, office: term.office, current: false, end: term.end };
    const id = ledger.resolve(term, context);
    const title = officeTitle(term, term.office);
    const of = ofCountry(countryName);
    if (term.since) ledger.addFact(id, { date: term.since, text: `Took office as ${title} of ${of}`, source });
    if (term.end) {
      ledger.addFact(id, { date: term.end, text: `Left office as ${title} of ${of}`, source });
      const country = countryIdOf(term.code);
      // The newer source wins: a curated entry that still shows this person in office is brought up to date.
      if (country && !isCurrent(id)) ledger.endTerm(id, country, officeRole(title, context, term.since));
    }
  }
  // Every holder is resolved by now, so a successor is found under its own term, never made from a bare name.
  for (const term of terms) {
    const context = { code: term.code, countryName: countryNameOf(term.code), office: term.office, current: false };
    const id = ledger.resolve(term, context);
    for (const name of term.successors ?? []) {
      ledger.addRelation(ledger.resolve({ name }, context), { type: 'succeeded', target: id });
    }
  }
}
