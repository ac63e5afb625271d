/**
 * @module lib/kb/build/organizations — political parties (Party Facts) and intergovernmental organisations
 * (SupraVerden) as KB entries with their Wikidata QIDs. An organisation the curated data already has (same
 * name or abbreviation, same country) gains the QID and founding year instead of a second entry.
 */

import { foldKey } from '../../text/fold';
import { qidOf } from '../qid';
import type { Fact, KbEntry } from '../types';
import { slugOf } from './names';

export interface PartyRecord {
  qid: string;
  name: string;
  /** Abbreviation as the party writes it ("CDU"), when it has one. */
  short?: string;
  /** ISO alpha-2. */
  country: string;
  founded?: number;
}

export interface IgoRecord {
  qid?: string;
  name: string;
  abbreviations: string[];
  otherNames: string[];
  founded?: number;
  /** "City of Brussels, Belgium" as the source writes it. */
  headquarters?: string;
  /** The source's family of organisations ("UN and affiliates", "EU institutions and bodies"). */
  family?: string;
}

/** data/converted/parties.json and data/converted/igos.json. */
export interface PartiesFile {
  source: string;
  asOf: string;
  parties: PartyRecord[];
}
export interface IgosFile {
  source: string;
  license: string;
  asOf: string;
  organizations: IgoRecord[];
}

/** Words that alone name no organisation in particular: "Council of ministers" could be anyone's. */
const GENERIC = new Set(
  'the of and for council ministers minister court bank agency office committee commission assembly organisation organization union fund centre center institute secretariat board authority'.split(
    ' ',
  ),
);

function isDistinctive(name: string): boolean {
  return foldKey(name)
    .split(' ')
    .some((w) => !GENERIC.has(w));
}

/**
 * An abbreviation a reader would meet: three to six capitals, not one of the knowledge base's other names and
 * not an everyday word a headline writes in capitals ("CUP", "THE", "TOP").
 */
function usableAbbreviation(
  abbr: string | undefined,
  taken: ReadonlySet<string>,
  isBlocked?: (folded: string) => boolean,
): abbr is string {
  if (abbr === undefined || !/^[A-Z][A-Z0-9&-]{2,5}$/.test(abbr)) return false;
  const folded = foldKey(abbr);
  return !taken.has(folded) && !isBlocked?.(folded);
}

export interface OrganizationInputs {
  parties?: PartiesFile;
  igos?: IgosFile;
  /** Every entry built so far. */
  entries: readonly KbEntry[];
  /** Everyday words and given names (folded), never made aliases. */
  isBlocked?: (folded: string) => boolean;
  /** Finds the place an organisation's headquarters names ("Geneva, Switzerland") → its id. */
  placeOf?: (city: string, countryName: string) => string | undefined;
}

export interface OrganizationResult {
  /** Existing entries that gained a QID or a founding fact. */
  changed: Map<string, KbEntry>;
  added: KbEntry[];
}

/** Parties and IGOs: new entries for those the knowledge base lacks, QIDs for those it has. */
export function organizationEntries(inputs: OrganizationInputs): OrganizationResult {
  const changed = new Map<string, KbEntry>();
  const added: KbEntry[] = [];
  const ids = new Set(inputs.entries.map((e) => e.id));
  const qids = new Set(inputs.entries.map(qidOf).filter(Boolean));
  const taken = new Set(inputs.entries.flatMap((e) => [e.name, ...e.aliases]).map(foldKey));
  // Curated organisations by folded name or alias, to give them their QID.
  const orgsByKey = new Map<string, KbEntry[]>();
  for (const e of inputs.entries) {
    if (e.kind !== 'organization') continue;
    for (const key of new Set([e.name, ...e.aliases].map(foldKey)))
      orgsByKey.set(key, [...(orgsByKey.get(key) ?? []), e]);
  }
  const current = (e: KbEntry) => changed.get(e.id) ?? e;
  const enrich = (e: KbEntry, qid: string | undefined, fact: Fact | undefined) => {
    let next = current(e);
    if (qid && !qidOf(next) && !qids.has(qid)) {
      next = { ...next, qid };
      qids.add(qid);
    }
    if (fact && !(next.facts ?? []).some((f) => f.date === fact.date))
      next = { ...next, facts: [...(next.facts ?? []), fact] };
    if (next !== e) changed.set(e.id, next);
  };
  const newId = (name: string, suffix = '') => {
    let id = `bs:${slugOf(name)}${suffix}`;
    for (let n = 2; ids.has(id); n++) id = `bs:${slugOf(name)}${suffix}-${n}`;
    ids.add(id);
    return id;
  };

  const parties = inputs.parties;
  for (const p of parties?.parties ?? []) {
    const founded = p.founded ? { date: String(p.founded), text: 'Founded', source: parties?.source ?? '' } : undefined;
    const keys = [p.name, p.short].filter((k): k is string => Boolean(k)).map(foldKey);
    const known = keys.flatMap((k) => orgsByKey.get(k) ?? []).find((e) => e.country === p.country);
    if (known) {
      enrich(known, p.qid, founded);
      continue;
    }
    if (qids.has(p.qid) || taken.has(foldKey(p.name))) continue;
    qids.add(p.qid);
    const entry: KbEntry = {
      id: newId(p.name, `-${p.country.toLowerCase()}`),
      kind: 'organization',
      subtype: 'party',
      name: p.name,
      aliases: usableAbbreviation(p.short, taken, inputs.isBlocked) ? [p.short] : [],
      country: p.country,
      qid: p.qid,
      prominence: 0.3,
      // Party names repeat across countries ("Social Democratic Party"): only an article about the country links one.
      needsCountryCue: true,
      source: parties?.source ?? '',
      asOf: parties?.asOf ?? '',
    };
    if (founded) entry.facts = [founded];
    added.push(entry);
  }

  const igos = inputs.igos;
  for (const o of igos?.organizations ?? []) {
    const founded = o.founded
      ? { date: String(o.founded), text: 'Established', source: igos?.source ?? '' }
      : undefined;
    const names = [o.name, ...o.otherNames, ...o.abbreviations];
    const known = names
      .flatMap((n) => orgsByKey.get(foldKey(n)) ?? [])
      .find((e) => !e.country || e.subtype.includes('organization') || e.subtype.includes('agency'));
    if (known) {
      enrich(known, o.qid, founded);
      continue;
    }
    if ((o.qid && qids.has(o.qid)) || taken.has(foldKey(o.name))) continue;
    if (o.qid) qids.add(o.qid);
    const aliases = [
      ...o.otherNames.filter((n) => !taken.has(foldKey(n)) && n.split(' ').length > 1 && isDistinctive(n)),
      ...o.abbreviations.filter((a) => usableAbbreviation(a, taken, inputs.isBlocked)),
    ];
    const entry: KbEntry = {
      id: newId(o.name),
      kind: 'organization',
      subtype: 'international-organization',
      name: o.name,
      aliases: [...new Set(aliases)].filter((a) => a !== o.name),
      prominence: 0.4,
      source: igos?.source ?? '',
      asOf: igos?.asOf ?? '',
    };
    if (o.qid) entry.qid = o.qid;
    if (founded) entry.facts = [founded];
    const [city, country] = (o.headquarters ?? '').split(/,\s*(?=[^,]+$)/);
    const place = city && country ? inputs.placeOf?.(city.replace(/^City of /, ''), country) : undefined;
    if (place) entry.relations = [{ type: 'based-in', target: place }];
    added.push(entry);
  }
  return { changed, added };
}
