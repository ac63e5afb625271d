/**
 * @module lib/kb/build/factbook — reads facts out of CIA World Factbook field texts: office holders with
 * since-dates, population with its year, capitals, government type, legislature and armed forces.
 * Input is the field's plain text (HTML already decoded); output is names, numbers and dates only, never prose.
 */

/** One holder of an office, as the Factbook names them: "Chancellor Friedrich MERZ (since 6 May 2025)". */
export interface OfficeHolder {
  /** The office as written before the name ("Chancellor", "Prime Minister"); absent when the text gives none. */
  title?: string;
  name: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the holder took office. */
  since?: string;
}

/** The facts one Factbook country file gives a country profile. */
export interface FactbookCountry {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** The Factbook's entity code (file name), kept to trace a record back to its file. */
  gec: string;
  capitals: string[];
  population?: number;
  populationYear?: number;
  governmentType?: string;
  chiefOfState: OfficeHolder[];
  headOfGovernment: OfficeHolder[];
  /** The legislature and its chambers: "Congress (Senate, House of Representatives)". */
  legislature?: string;
  /** The armed forces' branches as the Factbook lists them, without notes. */
  armedForces?: string;
  /** Year of the armed-forces list, from its "(2025)". */
  armedForcesYear?: number;
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** "6 May 2025", "5 Sep 2025", "June 2022", "2019" → ISO; undefined for anything else. */
export function parseFactbookDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]?.toLowerCase() ?? ''];
    return month ? `${m[3]}-${month}-${m[1]?.padStart(2, '0')}` : undefined;
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]?.toLowerCase() ?? ''];
    return month ? `${m[2]}-${month}` : undefined;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? m[1] : undefined;
}

// A word with a run of capitals is a surname (or a single name): "MERZ", "al-BASHIR", "SASSOU-Nguesso".
const CAPS_RUN = /[A-ZÀ-ÞĀ-Ž]{2}/u;
const UPPER_START = /^[A-ZÀ-ÞĀ-Ž]/u;
const ROMAN = /^[IVXL]+$/;
/** Words of office titles as the Factbook writes them: a name starts after the last of them. */
const TITLE_WORDS = new Set(
  (
    'president presidential premier prime minister ministers chancellor king queen emir amir sultan supreme leader ' +
    'chairman chairwoman chairperson chair governor general governor-general co-prince prince princess grand duke ' +
    'pope chief executive administrator emperor state counsellor captain captains regent federal council acting ' +
    'interim transitional transition caretaker vice head mayor secretary director commissioner lieutenant presiding ' +
    'officer lord deputy first taoiseach dame sir archbishop bishop crown senior military junta overall taliban ' +
    'prefect high superior affairs foreign political government territorial assembly presidency confederation ' +
    'national commission island commander-in-chief armed forces sovereign homeland safeguard co-vice bailiff ' +
    'president-elect'
  ).split(' '),
);
// Lower-case words that belong to a name: "LULA da Silva", "HAMAD bin Isa Al-Khalifa", "Ould Cheikh el GHAZOUANI".
const NAME_PARTICLES = new Set(
  'da de del der di do dos du bin bint ibn ibni al el ould ben van von y la le'.split(' '),
);
const ARABIC_ARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|d|l)[-'’][A-ZÀ-ÞĀ-Ž]/u;

/** A word that can be part of a name next to its surname: capitalized, an initial, "al-Aziz", "d'Oliveira". */
function isNameWord(word: string): boolean {
  return UPPER_START.test(word) || ARABIC_ARTICLE.test(word);
}

/** A title abbreviation ("Dr.", "Capt.", "Gen."), unlike an initial ("J."). */
function isTitleWord(word: string): boolean {
  const w = word.replace(/,$/, '');
  return TITLE_WORDS.has(w.toLowerCase()) || (/^[A-Z][a-z]{1,4}\.$/.test(w) && w !== 'Jr.');
}

/** "STEINMEIER" → "Steinmeier", "al-BASHIR" → "al-Bashir", "BIN" → "bin", "XVI" stays after a first name. */
function nameCase(word: string, isFirst: boolean): string {
  if (!isFirst && ROMAN.test(word)) return word;
  if (!isFirst && NAME_PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  return word.replace(/[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’]+/gu, (caps) => caps[0] + caps.slice(1).toLowerCase());
}

/**
 * One clause of an office field → its holder: the title is what precedes the name, the name runs from the
 * first given name before the capitalized surname to the last name word after it. A clause without a
 * capitalized word is taken whole as the name ("Ahmad al-Shara'"), when it reads like one.
 */
function parseHolderClause(clause: string): OfficeHolder | undefined {
  const sinceMatch = /\((?:[a-z ]*?since |)(\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9} \d{4}|\d{4})[^)]*\)/.exec(
    clause,
  );
  const since = sinceMatch?.[1] ? parseFactbookDate(sinceMatch[1]) : undefined;
  const head = (sinceMatch ? clause.slice(0, sinceMatch.index) : clause)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/["“][^"”]*["”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!head || /\bvacant\b/i.test(head)) return undefined;
  const words = head.split(' ');
  // The surname: the first word with a run of capitals that is not an acronym before a title ("GNU Interim…").
  const firstCaps = words.findIndex((w, i) => CAPS_RUN.test(w) && !isTitleWord(words[i + 1] ?? ''));
  if (firstCaps < 0) {
    // No surname in capitals: only a short run of capitalized words with particles is a name.
    const looksLikeName = words.length <= 5 && words.every((w) => isNameWord(w) || NAME_PARTICLES.has(w));
    if (!looksLikeName || words.some(isTitleWord)) return undefined;
    return since ? { name: head, since } : { name: head };
  }
  let start = firstCaps;
  while (start > 0) {
    const prev = words[start - 1] ?? '';
    const beforePrev = (words[start - 2] ?? '').toLowerCase();
    const particle = NAME_PARTICLES.has(prev) && start - 1 > 0 && isNameWord(words[start - 2] ?? '');
    if (prev.endsWith(',') || isTitleWord(prev) || !(isNameWord(prev) || particle)) break;
    // "President of China XI Jinping": a capitalized word after "of" / "the" / "for" belongs to the title.
    if (['of', 'the', 'for', 'and'].includes(beforePrev)) break;
    start--;
  }
  let end = firstCaps + 1;
  while (end < words.length) {
    const w = words[end] ?? '';
    const next = words[end + 1];
    if (isNameWord(w) && !isTitleWord(w)) end++;
    else if (NAME_PARTICLES.has(w) && next && isNameWord(next)) end++;
    else break;
    if (w.endsWith(',')) break;
  }
  const name = words
    .slice(start, end)
    .map((w, i) => nameCase(w, i === 0))
    .join(' ')
    .replace(/,/g, '')
    .trim();
  const title = words
    .slice(0, start)
    .join(' ')
    .replace(/^(?:and|co-chiefs of state)\s+/i, '')
    .replace(/,/g, '')
    .trim();
  // A name is a short run of name words: a note that slipped into the clause is not one.
  const nameWords = name.split(' ');
  if (nameWords.length > 7 || /\d/.test(name) || !nameWords.every((w) => isNameWord(w) || NAME_PARTICLES.has(w))) {
    return undefined;
  }
  // Someone elected but not yet in office is not the holder.
  if (/\belect\b/i.test(title)) return undefined;
  const holder: OfficeHolder = { name };
  if (title) holder.title = title;
  if (since) holder.since = since;
  return holder;
}

/** Clauses that name someone other than the office's holder. */
const NOT_A_HOLDER = /^(?:represented by|note|former|also|the |there |since |elections|heir)/i;

function titleWords(holder: OfficeHolder | undefined): Set<string> {
  return new Set(
    (holder?.title ?? '')
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => w.length > 2),
  );
}

/**
 * A "chief of state" or "head of government" text → its holders. The first clause is the holder; a later
 * clause counts only for a co-holder with a since-date: one with the first holder's kind of title (Andorra's
 * co-princes) or with no title (Bosnia's presidency members), never a representative, an heir, a bailiff or
 * a former holder. "Captains Regent A and B" gives both.
 */
export function parseOfficeHolders(text: string): OfficeHolder[] {
  const clauses = text
    .replace(/\s+/g, ' ')
    .split(/;|,? represented by /)
    .map((c) => c.trim())
    .filter(Boolean);
  const out: OfficeHolder[] = [];
  clauses.forEach((clause, i) => {
    if (i > 0 && (NOT_A_HOLDER.test(clause) || !/\(.*since.*\d{4}.*\)/.test(clause))) return;
    if (i > 0 && /represented|governor|administrator|prefect/i.test(text.slice(0, text.indexOf(clause)).slice(-30))) {
      return;
    }
    const pair = /^(.*?\b)([A-Z][\w'’-]* [A-Z][A-Z'’-]+) and ([A-Z][\w'’-]* [A-Z][A-Z'’-]+)(.*)$/.exec(clause);
    const parts = pair ? [`${pair[1]}${pair[2]}${pair[4]}`, `${pair[1]}${pair[3]}${pair[4]}`] : [clause];
    for (const part of parts) {
      const holder = parseHolderClause(part);
      if (!holder || out.some((h) => h.name === holder.name)) continue;
      // A deputy or an heir listed after the holder is not a co-holder ("; Vice President Kamala D. HARRIS").
      if (i > 0 && /\b(?:vice|deputy|heir|crown)\b/i.test(holder.title ?? '')) continue;
      if (i > 0 && holder.title) {
        const first = titleWords(out[0]);
        if (![...titleWords(holder)].some((w) => first.has(w))) continue;
      }
      out.push(holder);
    }
  });
  return out;
}

/** "84,012,284 (2025 est.)" → { value, year }; a text without a number (no permanent inhabitants) gives nothing. */
export function parseEstimate(text: string): { value: number; year?: number } | undefined {
  const m =
    /^\s*(?:about |approximately )?([\d,]+(?:\.\d+)?)\s*(million|billion)?(?:[^(]*\((?:[^)]*?)(\d{4})[^)]*\))?/i.exec(
      text,
    );
  if (!m?.[1]) return undefined;
  let value = Number(m[1].replace(/,/g, ''));
  if (m[2]?.toLowerCase() === 'million') value *= 1e6;
  if (m[2]?.toLowerCase() === 'billion') value *= 1e9;
  if (!Number.isFinite(value)) return undefined;
  const year = m[3] ? Number(m[3]) : undefined;
  return year ? { value: Math.round(value), year } : { value: Math.round(value) };
}

/**
 * A capital field → the capital's names: "Pretoria (administrative capital); Cape Town (legislative capital)"
 * gives both; notes, parentheticals and time zones are dropped; "Washington, DC" stays whole.
 */
export function parseCapitals(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(';')) {
    const c = clause.trim();
    if (!c || /^note\b/i.test(c) || /^(?:no |none)/i.test(c)) continue;
    for (const piece of c.split(/\)\s*,\s*/)) {
      const name = piece
        .replace(/\([^)]*\)?/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/ in [A-Z][a-z]+$/, '')
        .replace(/,$/, '');
      // A sentence ("Nay Pyi Taw is the administrative capital") is not a name.
      const sentence = /\b(?:is|are|was|capital|seat)\b/.test(name);
      if (name && /^[A-Z]/.test(name) && !sentence && name.length <= 60 && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** The government type's first clause: "parliamentary democracy; self-governing territory…" → "parliamentary democracy". */
export function parseGovernmentType(text: string): string | undefined {
  const first = text.split(';')[0]?.replace(/\s+/g, ' ').trim();
  return first && first.length <= 120 ? first : undefined;
}

/** Words that make a field a sentence, which is prose we never copy, rather than a list of names. */
const SENTENCE_WORD = /\b(?:is|are|was|were|has|have|had|will|which|that|its|claims)\b/;

/**
 * The armed forces' list without its notes; "(2025)" at the end gives the year. A field that reads as a
 * sentence ("the interim government … has established …") is prose, and is left out.
 */
export function parseArmedForces(text: string): { forces: string; year?: number } | undefined {
  const main = (text.split(/\bnote\b/i)[0] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the (?=[A-Z])/, '');
  if (!/^[A-Z]/.test(main) || SENTENCE_WORD.test(main)) return undefined;
  const year = /\((\d{4})\)\s*$/.exec(main)?.[1];
  const forces = main
    .replace(/\s*\(\d{4}\)\s*$/, '')
    .replace(/[;,.]$/, '')
    .trim();
  if (forces.length > 400) return undefined;
  return year ? { forces, year: Number(year) } : { forces };
}

/** "Congress" + chambers "Senate", "House of Representatives" → "Congress (Senate, House of Representatives)". */
export function legislatureLabel(name: string | undefined, chambers: string[]): string | undefined {
  const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/;.*$/, '').trim();
  const n = name ? clean(name) : '';
  const cs = chambers.map(clean).filter(Boolean);
  if (n && cs.length > 0) return `${n} (${cs.join(', ')})`;
  if (n) return n;
  return cs.length > 0 ? cs.join(', ') : undefined;
}
