/** @module lib/kb/build/names — cleaning gazetteer alternate names down to the ones English news uses. */

import { foldKey, skeleton } from '../../text/fold';
import { NAME_PARTICLES } from '../../text/particles';

// The build folds the same spellings over and over (every region and its seat, every namesake).
const foldCache = new Map<string, string>();

/** `foldKey`, memoised: the build calls it millions of times on far fewer distinct names. */
export function cachedFoldKey(name: string): string {
  let key = foldCache.get(name);
  if (key === undefined) {
    if (foldCache.size > 2_000_000) foldCache.clear();
    key = foldKey(name);
    foldCache.set(name, key);
  }
  return key;
}

/** Says whether a folded name is a common word or a person's name, which must not become a place alias. */
export type WordFilter = (folded: string) => boolean;

export interface CleanOptions {
  /** True for folded names that are common English words or people's names (see `wordFilter` in scripts/build-kb.ts). */
  isBlocked?: WordFilter;
  /** Keep at most this many aliases (GeoNames lists 60+ spellings of Kyiv, mostly declensions). */
  max?: number;
  /** Folded keys that must not be aliases (for example the names of countries, for a city). */
  reserved?: ReadonlySet<string>;
  /** Drop names this many words longer than the main name (default 2; official country names run long). */
  maxExtraWords?: number;
}

// A name in Latin script: letters (any diacritics), spaces, hyphens, apostrophes, ayin marks and dots.
const LATIN_NAME_RE = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} .'’ʻʼʾʿ`‘\-‐‑]*$/u;
// Airport (IATA/ICAO) and ISO codes that GeoNames lists among alternate names: THE for Teresina, EBL for Erbil.
const CODE_RE = /^[A-Z]{2,4}$/;
const UPPER_RE = /\p{Lu}/u;
const ASCII_RE = /^[\x20-\x7E]*$/;

/** True when the name is written in Latin script only (no digits, brackets or commas). */
export function isLatinName(name: string): boolean {
  return LATIN_NAME_RE.test(name);
}

/** True for short all-capital codes such as "THE", "EBL" or "IQ". */
export function isCode(name: string): boolean {
  return CODE_RE.test(name);
}

/** Every word is capitalised or a known particle: drops romanisations ("ao er di nuo") and glosses ("Kiev osh"). */
function hasNameShape(name: string): boolean {
  if (!UPPER_RE.test(name)) return false;
  for (const word of name.split(/\s+/)) {
    const head = word.split(/[-‐‑'’]/)[0] ?? '';
    if (UPPER_RE.test(word[0] ?? '')) continue;
    if (NAME_PARTICLES.has(head.toLowerCase())) continue;
    return false;
  }
  return true;
}

/** Trims and collapses inner white space. */
export function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

// Consonant skeleton of a folded key, word by word: Kiev, Kyiv and Kiyev all give "kv".
function skeletonKey(key: string): string {
  return key.split(' ').map(skeleton).join('');
}

// Letter bigrams, for ranking spellings by closeness to the main name.
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Keeps the alternate names English news may use for a place: Latin script, shaped like a name,
 * no codes, no common words or people's names, one spelling per folded key, at most `max`.
 * The main name is never returned (it is the entry's `name`). The result is deterministic.
 */
export function cleanAliases(main: string, alternates: readonly string[], options: CleanOptions = {}): string[] {
  const { isBlocked, max = 16, reserved, maxExtraWords = 2 } = options;
  const mainKey = cachedFoldKey(main);
  // Glosses such as "Ter Zor Der Zor Ter Zor" run far longer than the name.
  const maxWords = mainKey.split(' ').length + maxExtraWords;
  const seen = new Set<string>([mainKey]);
  const kept: { name: string; key: string }[] = [];
  for (const raw of alternates) {
    const name = tidyName(raw);
    if (!name || !isLatinName(name) || isCode(name) || !hasNameShape(name)) continue;
    const key = cachedFoldKey(name);
    if (key.replace(/ /g, '').length < 3 || seen.has(key) || key.split(' ').length > maxWords) continue;
    if (reserved?.has(key)) continue;
    if (isBlocked?.(key)) continue;
    seen.add(key);
    kept.push({ name, key });
  }
  if (kept.length <= max) return kept.map((k) => k.name);
  // Too many: keep the plain-ASCII spellings whose consonants are closest to the main name's
  // (transliterations such as Kiev for Kyiv, not other languages' exonyms such as Kænugarður).
  const mainSkeleton = skeletonKey(mainKey);
  const mainGrams = bigrams(mainSkeleton);
  const scored = kept.map((k) => {
    const sk = skeletonKey(k.key);
    const closeness = sk === mainSkeleton ? 1 : dice(mainGrams, bigrams(sk));
    return { ...k, score: closeness + (ASCII_RE.test(k.name) ? 0.25 : 0) };
  });
  scored.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chosen = new Set(scored.slice(0, max).map((k) => k.key));
  return kept.filter((k) => chosen.has(k.key)).map((k) => k.name);
}

// "Al Qāmishlī", "Ar-Raqqah", "As Sulaymaniyah": an Arabic article joined by a space or hyphen.
const ARABIC_ARTICLE_RE = /^(?:al|el|ar|as|ash|ad|adh|at|ath|az|an)[ \-‐‑]+(?=\p{L})/iu;

/**
 * The name without its leading Arabic article ("Al Qāmishlī" → "Qāmishlī"), or undefined when it has none
 * or fewer than four letters would remain ("Al Ain" keeps its article).
 */
export function withoutArabicArticle(name: string): string | undefined {
  const m = ARABIC_ARTICLE_RE.exec(name);
  if (!m) return undefined;
  const rest = name.slice(m[0].length);
  return rest.replace(/[^\p{L}]/gu, '').length >= 4 ? rest : undefined;
}

/** Unites alias lists: keeps the first spelling of each folded key, skipping the entry's own name. */
export function unionAliases(name: string, ...lists: readonly (readonly string[] | undefined)[]): string[] {
  const seen = new Set<string>([cachedFoldKey(name)]);
  const out: string[] = [];
  for (const list of lists) {
    for (const alias of list ?? []) {
      const key = cachedFoldKey(alias);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push(alias);
    }
  }
  return out;
}

/** A name as the slug of a `bs:` id: folded words joined by hyphens ("Ahmed al-Sharaa" → "ahmed-al-sharaa"). */
export function slugOf(name: string): string {
  return cachedFoldKey(name)
    .replace(/ /g, '-')
    .replace(/[^a-z0-9-]/g, '');
}

/** Titles written before a person's name in news: an alias that is only a title and another name is a span, not a name. */
const TITLES = new Set(
  (
    'president vice prime minister chancellor king queen pope emir amir sultan crown prince princess sheikh ' +
    'general gen secretary foreign defence defense finance interior senator sen rep representative governor mayor ' +
    'ayatollah supreme leader commander chairman chairwoman premier speaker mr mrs ms dr judge justice ' +
    'ambassador envoy spokesman spokeswoman archbishop cardinal lord lady sir dame deputy acting former'
  ).split(' '),
);

/**
 * A person's aliases without those that are a title before another of the person's names ("President Macron"
 * when "Macron" is one): the reader's text marks the name, and the title stays text, so every mention of the
 * person has the same span.
 */
export function withoutTitledAliases(name: string, aliases: readonly string[]): string[] {
  const names = new Set([name, ...aliases].map(cachedFoldKey));
  return aliases.filter((alias) => {
    const words = cachedFoldKey(alias).split(' ');
    let k = 0;
    while (k < words.length - 1 && TITLES.has(words[k] ?? '')) k++;
    return k === 0 || !names.has(words.slice(k).join(' '));
  });
}
