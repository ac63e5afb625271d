/** @module lib/panel/country-profile — a country profile as the rows the panel shows, in reading order. */

import type { CountryProfile, OfficeTerm, ProfileLink } from '../kb/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-05-06" → "6 May 2025", "2022-06" → "Jun 2022", "1997" → "1997". */
export function readableDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const m = month ? MONTHS[Number(month) - 1] : undefined;
  if (!year || (month && !m)) return iso;
  if (day && m) return `${Number(day)} ${m} ${year}`;
  return m ? `${m} ${year}` : year;
}

/** "24,312,000" → "24.3 million"; small figures keep their digits. */
export function readableCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2).replace(/\.?0+$/, '')} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  return n.toLocaleString('en-US');
}

/** One part of a row: plain text, or a name that opens its entry. */
export type ProfilePart = { text: string } | { text: string; id: string };

export interface ProfileRow {
  label: string;
  parts: ProfilePart[];
}

function link(l: ProfileLink): ProfilePart {
  return l.id ? { text: l.name, id: l.id } : { text: l.name };
}

function separated(links: ProfileLink[], separator = ', '): ProfilePart[] {
  return links.flatMap((l, i) => (i === 0 ? [link(l)] : [{ text: separator }, link(l)]));
}

function officeParts(terms: OfficeTerm[]): ProfilePart[] {
  return terms.flatMap((t, i) => {
    const parts: ProfilePart[] = [];
    if (i > 0) parts.push({ text: '; ' });
    if (t.title) parts.push({ text: `${t.title} ` });
    parts.push(link(t));
    if (t.since) parts.push({ text: ` (since ${readableDate(t.since)})` });
    return parts;
  });
}

function sameHolders(a: OfficeTerm[], b: OfficeTerm[]): boolean {
  return a.length === b.length && a.every((t, i) => t.name === b[i]?.name);
}

/** The profile's rows, leaving out what it does not know; one leader row when one person holds both offices. */
export function profileRows(p: CountryProfile): ProfileRow[] {
  const rows: ProfileRow[] = [];
  const add = (label: string, parts: ProfilePart[]) => {
    if (parts.length > 0) rows.push({ label, parts });
  };
  add(p.capitals.length > 1 ? 'Capitals' : 'Capital', separated(p.capitals));
  if (sameHolders(p.headOfState, p.headOfGovernment) && p.headOfState.length > 0) {
    add('Head of state and government', officeParts(p.headOfState));
  } else {
    add('Head of state', officeParts(p.headOfState));
    add('Head of government', officeParts(p.headOfGovernment));
  }
  if (p.governmentType) add('Government', [{ text: p.governmentType }]);
  if (p.population) {
    const year = p.populationYear ? ` (${p.populationYear} est.)` : '';
    add('Population', [{ text: `${readableCount(p.population)}${year}` }]);
  }
  if (p.area) add('Area', [{ text: `${p.area.toLocaleString('en-US')} km²` }]);
  if (p.region) add('Region', [{ text: p.region }]);
  add(p.languages.length > 1 ? 'Languages' : 'Language', p.languages.length ? [{ text: p.languages.join(', ') }] : []);
  add(
    p.currencies.length > 1 ? 'Currencies' : 'Currency',
    p.currencies.length ? [{ text: p.currencies.join(', ') }] : [],
  );
  if (p.legislature) add('Legislature', [{ text: p.legislature }]);
  if (p.armedForces) add('Armed forces', [{ text: p.armedForces }]);
  add('Borders', separated(p.borders));
  return rows;
}

/** "As of 22 Jan 2026 · CIA World Factbook …; world-countries …". */
export function profileSourceLine(p: CountryProfile): string {
  const names = p.sources.join('; ');
  return p.asOf ? `As of ${readableDate(p.asOf)} · ${names}` : names;
}
