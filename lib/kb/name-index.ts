/** @module lib/kb/name-index — the in-memory index from folded names to knowledge-base entries. */

import { foldedWords, foldKey, isArabicArticle, skeleton } from '../text/fold';
import type { Lexicon } from './artifact';
import type { KbEntry } from './types';

/**
 * Everything the recognizer needs to look names up, built once when the knowledge base loads.
 * Entries are referred to by their position in `entries`.
 */
export interface NameIndex {
  entries: KbEntry[];
  /** Folded multi-word key ("deir ez zor") → entry positions (read with `positionsOf`). */
  byKey: Map<string, Positions>;
  /** Acronyms as written ("IRGC", "US"), matched case-sensitively → entry positions (read with `positionsOf`). */
  byAcronym: Map<string, Positions>;
  /** Consonant skeleton of one-word place names → entry positions and the word's length: a weak, transliteration-tolerant fallback. */
  bySkeleton: Map<string, SkeletonHit[]>;
  /** Position of each entry by id. */
  byId: Map<string, number>;
  /** The longest key, in words. */
  maxWords: number;
  /**
   * Every proper beginning, in words, of a key of several words ("united", "united states" for "united states
   * of america"): the matcher stops lengthening a span once it is no beginning of any name.
   */
  prefixes: Set<string>;
  /** Folded everyday English words: a name that is one of them needs a cue. */
  everyday: Set<string>;
  /** Folded given names: a capitalized run that starts with one is a person's name. */
  givenNames: Set<string>;
  /** Folded demonyms of the entries ("syrian", "iraqis") → the entries they refer to. */
  demonyms: Map<string, Positions>;
}

/**
 * One entry position, or several for a shared name. Most names belong to one entry, and a bare
 * number costs no allocation: it halves the time to build the index over 180,000 names.
 */
export type Positions = number | number[];

/** The entry positions stored under `key`, as a list. */
export function positionsOf(map: Map<string, Positions>, key: string): number[] | undefined {
  const found = map.get(key);
  return found === undefined ? undefined : typeof found === 'number' ? [found] : found;
}

/** The entry with id `id`, if the index holds it. */
export function entryById(index: Pick<NameIndex, 'byId' | 'entries'>, id: string | undefined): KbEntry | undefined {
  const position = id === undefined ? undefined : index.byId.get(id);
  return position === undefined ? undefined : index.entries[position];
}

/** A place whose one-word name has a given skeleton, and that word's length. */
export interface SkeletonHit {
  position: number;
  length: number;
}

const ACRONYM_RE = /^(?:\p{Lu}\.?){2,7}$|^\p{Lu}{1,2}\p{Ll}?\p{Lu}{1,4}$/u;
const MIN_SKELETON_WORD = 5;

function push(map: Map<string, Positions>, key: string, position: number): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, position);
  else if (typeof found === 'number') {
    if (found !== position) map.set(key, [found, position]);
  } else if (found[found.length - 1] !== position) found.push(position);
}

/** True for a name written as an acronym: IRGC, U.S., SDF, NGOs is not. */
export function isAcronym(name: string): boolean {
  // Any lower-case letter after the second character rules an acronym out; most names end here.
  if (/[a-z]/.test(name.slice(2)) && !/^\p{Lu}{1,2}\p{Ll}\p{Lu}{1,4}$/u.test(name)) return false;
  return ACRONYM_RE.test(name.trim());
}

/** Builds the index over every name and alias of the entries, with the word lists the artifact ships. */
export function buildNameIndex(entries: KbEntry[], lexicon: Partial<Lexicon> = {}): NameIndex {
  const index: NameIndex = {
    entries,
    byKey: new Map(),
    byAcronym: new Map(),
    bySkeleton: new Map(),
    byId: new Map(),
    maxWords: 1,
    prefixes: new Set(),
    everyday: new Set(lexicon.everydayWords),
    givenNames: new Set(lexicon.givenNames),
    demonyms: new Map(),
  };
  entries.forEach((entry, position) => {
    index.byId.set(entry.id, position);
    for (const name of [entry.name, ...entry.aliases]) addName(index, name, entry, position);
    for (const demonym of entry.demonyms ?? []) {
      const key = foldKey(demonym);
      if (key) push(index.demonyms, key, position);
    }
  });
  return index;
}

function addName(index: NameIndex, name: string, entry: KbEntry, position: number): void {
  if (isAcronym(name)) {
    const acronym = name.replace(/\./g, '');
    push(index.byAcronym, acronym, position);
    // Long acronyms are also written in title case by some outlets: Nato, Unesco.
    if (acronym.length >= 4) push(index.byKey, acronym.toLowerCase(), position);
    return;
  }
  let words = foldedWords(name);
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  if (words.length === 0) return;
  addWords(index, words, position);
  // "al-Qamishli" is also written "Qamishli": index the name without its article.
  if (words.length > 1 && isArabicArticle(words[0])) {
    words = words.slice(1);
    addWords(index, words, position);
  }
  if (entry.kind === 'place' && words.length === 1 && words[0].length >= MIN_SKELETON_WORD) {
    const key = skeleton(words[0]);
    const hits = index.bySkeleton.get(key);
    const hit = { position, length: words[0].length };
    if (!hits) index.bySkeleton.set(key, [hit]);
    else if (!hits.some((h) => h.position === position && h.length === hit.length)) hits.push(hit);
  }
}

function addWords(index: NameIndex, words: string[], position: number): void {
  push(index.byKey, words.join(' '), position);
  if (words.length > index.maxWords) index.maxWords = words.length;
  let prefix = words[0];
  for (let k = 1; k < words.length; k++) {
    index.prefixes.add(prefix);
    prefix = `${prefix} ${words[k]}`;
  }
}

/** The proper beginnings of the keys of several words (see `NameIndex.prefixes`). */
function prefixesOf(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const key of keys) {
    for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
      prefixes.add(key.slice(0, space));
    }
  }
  return prefixes;
}

/**
 * The name maps of an index as plain arrays, for shipping inside the artifact: restoring them is a
 * few Map inserts per name instead of folding ~180,000 names when the worker wakes.
 */
export interface SerializedNameIndex {
  /** The index code's version: an artifact built by other code is re-indexed instead of restored. */
  format: typeof NAME_INDEX_FORMAT;
  maxWords: number;
  byKey: [string[], Positions[]];
  byAcronym: [string[], Positions[]];
  demonyms: [string[], Positions[]];
  /** Skeleton → flat [position, length, position, length, …]. */
  bySkeleton: [string[], number[][]];
}

export const NAME_INDEX_FORMAT = 'backstory-name-index/1';

function columns(map: Map<string, Positions>): [string[], Positions[]] {
  return [[...map.keys()], [...map.values()]];
}

function fromColumns([keys, values]: [string[], Positions[]]): Map<string, Positions> {
  const map = new Map<string, Positions>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i], values[i]);
  return map;
}

/** The index's maps as arrays (entries and word lists are shipped separately). */
export function serializeNameIndex(index: NameIndex): SerializedNameIndex {
  const skeletonKeys: string[] = [];
  const skeletonHits: number[][] = [];
  for (const [key, hits] of index.bySkeleton) {
    skeletonKeys.push(key);
    skeletonHits.push(hits.flatMap((h) => [h.position, h.length]));
  }
  return {
    format: NAME_INDEX_FORMAT,
    maxWords: index.maxWords,
    byKey: columns(index.byKey),
    byAcronym: columns(index.byAcronym),
    demonyms: columns(index.demonyms),
    bySkeleton: [skeletonKeys, skeletonHits],
  };
}

/**
 * The index for `entries` from its serialized maps; the same as `buildNameIndex(entries, lexicon)`
 * when `serialized` was made from that index. Falls back to building when the format differs.
 */
export function restoreNameIndex(
  entries: KbEntry[],
  serialized: SerializedNameIndex | undefined,
  lexicon: Partial<Lexicon> = {},
): NameIndex {
  if (serialized?.format !== NAME_INDEX_FORMAT) return buildNameIndex(entries, lexicon);
  const byId = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) byId.set(entries[i].id, i);
  const bySkeleton = new Map<string, SkeletonHit[]>();
  const [skeletonKeys, skeletonHits] = serialized.bySkeleton;
  for (let i = 0; i < skeletonKeys.length; i++) {
    const flat = skeletonHits[i];
    const hits: SkeletonHit[] = [];
    for (let k = 0; k < flat.length; k += 2) hits.push({ position: flat[k], length: flat[k + 1] });
    bySkeleton.set(skeletonKeys[i], hits);
  }
  const byKey = fromColumns(serialized.byKey);
  return {
    entries,
    byKey,
    prefixes: prefixesOf(byKey.keys()),
    byAcronym: fromColumns(serialized.byAcronym),
    bySkeleton,
    byId,
    maxWords: serialized.maxWords,
    everyday: new Set(lexicon.everydayWords),
    givenNames: new Set(lexicon.givenNames),
    demonyms: fromColumns(serialized.demonyms),
  };
}
