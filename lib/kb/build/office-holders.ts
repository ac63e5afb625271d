/**
 * @module lib/kb/build/office-holders — the people who hold or held a country's top offices, as KB entries:
 * matched to a curated person when the knowledge base has them, else made from the Factbook's facts; their
 * offices become dated facts, `leads` (current holders) and `succeeded` relations.
 */

import { ofCountry } from '../../country-name';
import { foldedWords, foldKey, skeleton } from '../../text/fold';
import { qidOf } from '../qid';
import type { Fact, KbEntry, Relation } from '../types';
import type { OfficeHolder } from './factbook';
import type { Office } from './leader-history';
import { slugOf } from './names';

const PATRONYMIC = new Set(['bin', 'bint', 'ibn', 'ibni', 'ould']);

/** A word compared by its transliteration skeleton, or whole when the skeleton is too short to tell ("Hae", "Hui"). */
function looseWord(word: string): string {
  const s = skeleton(word);
  return s.length >= 3 ? s : word;
}

/**
 * True when a curated person of the holder's country is the office holder, comparing words as transliteration
 * skeletons:
 * - one of the person's names of two or more words has its first and last word among the holder's words, in
 *   that order ("Pedro Castillo" for "Jose Pedro Castillo Terrones", "Ahmed al-Sharaa" for "Ahmad al-Shara'");
 * - or the same last word (give or take one letter) and first names that begin alike ("Malcolm Turnbull" for
 *   "Malcomb Turnbull", "Chan Santokhi" for "Chandrikapersad Santokhi"), never a relative ("Anerood" is not "Pravind");
 * - or the same letters but for spaces and hyphens ("Prayut Chan-o-cha" for "Prayut Chan-ocha");
 * - or every word of the holder's name is in one of the person's ("Albert II" in "Albert II, Prince of Monaco").
 * Patronymic names ("Salman bin Hamad …", "Hamad bin Isa …") must agree on the first name.
 */
export function isSamePerson(person: KbEntry, holderName: string): boolean {
  const holderFolded = foldedWords(holderName);
  const holder = holderFolded.map(looseWord);
  const words = new Set(holder);
  const compact = holderFolded.join('');
  const patronymic = holderFolded.some((w) => PATRONYMIC.has(w));
  return [person.name, ...person.aliases].some((n) => {
    const folded = foldedWords(n);
    if (folded.join('') === compact) return true;
    const name = folded.map(looseWord);
    if (name.length === 1) return holder.length === 1 && name[0] === holder[0];
    const first = name[0] ?? '';
    const last = name[name.length - 1] ?? '';
    if (patronymic) return holder[0] === first && words.has(last);
    if (holder.indexOf(first) >= 0 && holder.indexOf(first) < holder.lastIndexOf(last)) return true;
    if (
      closeWords(holderFolded.at(-1) ?? '', folded.at(-1) ?? '') &&
      sharePrefix(holderFolded[0] ?? '', folded[0] ?? '')
    ) {
      return true;
    }
    const nameWords = new Set(name);
    return holder.every((w) => nameWords.has(w));
  });
}

/** Two spellings of one word: equal, or long and one edit apart ("muizzi" / "muizzu"). */
function closeWords(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

/** First names that begin alike for four letters, or one beginning the other ("Chan" / "Chandrikapersad"). */
function sharePrefix(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 2) return false;
  const need = Math.min(4, shorter);
  return a.slice(0, need) === b.slice(0, need);
}

/** A holder's name as an entry name: one word alone ("Philippe") reads as a given name, so it keeps the title. */
export function holderEntryName(holder: OfficeHolder): string {
  const single = foldedWords(holder.name).length === 1;
  return single && holder.title ? `${holder.title.replace(/\s+[A-Z][a-z]{1,4}\.$/, '')} ${holder.name}` : holder.name;
}

/** What the ledger needs to know of an office to word a new person's role. */
export interface HolderContext {
  /** ISO alpha-2 and the country's display name. */
  code: string;
  countryName: string;
  office: Office;
  /** Holding the office as of the source's date (else a former holder). */
  current: boolean;
  /** When the term ended, if known. */
  end?: string;
}

/** The office as a phrase: "Prime Minister", or the office's kind when the source gives no title. */
export function officeTitle(holder: OfficeHolder, office: Office): string {
  return holder.title ?? (office === 'head-of-state' ? 'Head of state' : 'Head of government');
}

/** "Prime Minister of the United Kingdom (since 2024)", or "Former … (2016–2019)" for a past term. */
export function officeRole(title: string, context: HolderContext, since: string | undefined): string {
  const from = since?.slice(0, 4);
  const to = context.end?.slice(0, 4);
  const years = from && to ? ` (${from}–${to})` : from ? ` (${context.current ? 'since' : 'from'} ${from})` : '';
  return `${context.current ? '' : 'Former '}${title} of ${ofCountry(context.countryName)}${years}`;
}

/** People resolved or made for office holders in one build, with the facts and relations they gained. */
export class OfficeHolderLedger {
  private readonly people: KbEntry[];
  private readonly byId: Map<string, KbEntry>;
  private readonly changed = new Map<string, KbEntry>();
  private readonly added = new Map<string, KbEntry>();
  /** Folded holder name + country → id, so one person resolves once per country. */
  private readonly resolved = new Map<string, string>();

  constructor(
    entries: readonly KbEntry[],
    private readonly source: string,
    private readonly asOf: string,
  ) {
    this.people = entries.filter((e) => e.kind === 'person');
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  entry(id: string): KbEntry | undefined {
    return this.changed.get(id) ?? this.added.get(id) ?? this.byId.get(id);
  }

  /**
   * The person entry for a holder: this country's person by any spelling, else anyone with exactly this name
   * (a monarch of several realms), else one made from the holder's facts.
   */
  resolve(holder: OfficeHolder, context: HolderContext): string {
    const key = foldKey(holder.name);
    const known = this.resolved.get(`${context.code}|${key}`) ?? this.resolved.get(key);
    if (known) return known;
    const local = this.people.find((p) => p.country === context.code && isSamePerson(p, holder.name));
    const anywhere = this.people.find((p) => [p.name, ...p.aliases].some((n) => foldKey(n) === key));
    let id = local?.id ?? anywhere?.id;
    if (!id) {
      id = `bs:${slugOf(holderEntryName(holder))}`;
      if (this.byId.has(id) || this.added.has(id)) id = `${id}-${context.code.toLowerCase()}`;
      this.added.set(id, this.newPerson(id, holder, context));
    }
    this.resolved.set(`${context.code}|${key}`, id);
    if (anywhere || !local) this.resolved.set(key, id);
    return id;
  }

  private newPerson(id: string, holder: OfficeHolder, context: HolderContext): KbEntry {
    const title = officeTitle(holder, context.office);
    const role = officeRole(title, context, holder.since);
    return {
      id,
      kind: 'person',
      subtype: context.office,
      name: holderEntryName(holder),
      aliases: [],
      country: context.code,
      role,
      prominence: context.current ? 0.6 : 0.5,
      source: this.source,
      asOf: this.asOf,
    };
  }

  /** Adds a dated fact unless the entry already has one of that date (a curated "Became Prime Minister"). */
  addFact(id: string, fact: Fact): void {
    const base = this.entry(id);
    if (!base || (base.facts ?? []).some((f) => f.date === fact.date)) return;
    this.put({ ...base, facts: [...(base.facts ?? []), fact] });
  }

  addRelation(id: string, relation: Relation): void {
    const base = this.entry(id);
    if (!base || relation.target === id) return;
    if ((base.relations ?? []).some((r) => r.type === relation.type && r.target === relation.target)) return;
    this.put({ ...base, relations: [...(base.relations ?? []), relation] });
  }

  /**
   * A former holder the curated data still shows in office (its source is older than the Factbook's): the
   * `leads` relation to the country goes and the role says "Former … (from–to)".
   */
  endTerm(id: string, countryId: string, role: string): void {
    const base = this.entry(id);
    if (!base?.relations?.some((r) => r.type === 'leads' && r.target === countryId)) return;
    const relations = base.relations.filter((r) => !(r.type === 'leads' && r.target === countryId));
    this.put({ ...base, relations, role });
  }

  private put(entry: KbEntry): void {
    if (this.added.has(entry.id)) this.added.set(entry.id, entry);
    else this.changed.set(entry.id, entry);
  }

  /** Existing entries that gained facts or relations. */
  changedEntries(): Map<string, KbEntry> {
    return this.changed;
  }

  /** People the knowledge base did not have. */
  addedEntries(): KbEntry[] {
    return [...this.added.values()];
  }
}

/** data/converted/leader-qids.json: officeholders' QIDs from a Wikidata query result. */
export interface LeaderQidsFile {
  source: string;
  asOf: string;
  leaders: { qid: string; name: string; country: string }[];
}

/**
 * Gives each leader's QID to the one person of that country with that name (by `isSamePerson`), unless the
 * person has a QID already or another entry holds this one.
 */
export function withLeaderQids(entries: readonly KbEntry[], file: LeaderQidsFile | undefined): KbEntry[] {
  if (!file) return [...entries];
  const taken = new Set(entries.map(qidOf).filter(Boolean));
  const people = new Map<string, KbEntry[]>();
  for (const e of entries) {
    if (e.kind === 'person' && e.country) people.set(e.country, [...(people.get(e.country) ?? []), e]);
  }
  const given = new Map<string, string>();
  for (const leader of file.leaders) {
    if (taken.has(leader.qid)) continue;
    const matches = (people.get(leader.country) ?? []).filter((p) => isSamePerson(p, leader.name));
    const person = matches.length === 1 ? matches[0] : undefined;
    if (!person || qidOf(person) || given.has(person.id)) continue;
    given.set(person.id, leader.qid);
    taken.add(leader.qid);
  }
  return entries.map((e) => {
    const qid = given.get(e.id);
    return qid ? { ...e, qid } : e;
  });
}
