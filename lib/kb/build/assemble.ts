/** @module lib/kb/build/assemble — the whole KB from its parsed sources: countries, regions, towns, curated data. */

import type { OfficialsSection } from '../officials';
import { withInverseRelations } from '../relations';
import type { CuratedFile, KbEntry } from '../types';
import { cityEntry } from './cities';
import { countryEntry, countryId, isArabicSpeaking, isCountryEntry, type WorldCountry } from './countries';
import { addPoint, emptyCentroid, type GeoNamesRow, isShippedRow } from './geonames';
import { mergeCurated, redirectRelations } from './merge';
import { cachedFoldKey, type WordFilter, withoutTitledAliases } from './names';
import { withNearestCities } from './near';
import { isSamePerson, type LeaderQidsFile, withLeaderQids } from './office-holders';
import { type IgosFile, organizationEntries, type PartiesFile } from './organizations';
import { type PhoenixFile, phoenixEntries } from './phoenix';
import { attachProfiles, type FactbookFile, type LeaderHistoryFile, placeKey, placesByName } from './profiles';
import { featureProminence } from './prominence';
import { type Admin1Record, type RegionStats, regionEntry, regionId } from './regions';
import { dropShadowedAliases } from './shadow';

/** A curated file with the path it was read from (for messages). */
export interface NamedCuratedFile {
  file: string;
  data: CuratedFile;
}

export interface KbSources {
  /** Every row of GeoNames cities500 (the build picks the ones it ships). */
  geonames: Iterable<GeoNamesRow>;
  admin1: readonly Admin1Record[];
  countries: readonly WorldCountry[];
  curatedPlaces: readonly NamedCuratedFile[];
  actors: readonly NamedCuratedFile[];
  /**
   * GeoNames' point for each country (ISO alpha-2 → lat/lon; `data/country-points.json`). Where one is given it
   * places the country, rather than world-countries' or a curated file's point, so countries follow the same
   * gazetteer as the towns and regions (news geoparsing sets are annotated against GeoNames too).
   */
  countryPoints?: Readonly<Record<string, { lat: number; lon: number }>>;
  /** Country facts from the CIA World Factbook (`data/countries/factbook.json`): capitals, population, leaders. */
  factbook?: FactbookFile;
  /** Terms of office since 2015 (`data/countries/factbook-leaders.json`): former leaders, successions. */
  leaderHistory?: LeaderHistoryFile;
  /** Government officials of the Phoenix dictionaries (`data/converted/phoenix-people.json`). */
  phoenix?: PhoenixFile;
  /** Political parties (Party Facts) and intergovernmental organisations (SupraVerden), with QIDs. */
  parties?: PartiesFile;
  igos?: IgosFile;
  /** Wikidata QIDs of heads of state and government (`data/converted/leader-qids.json`). */
  leaderQids?: LeaderQidsFile;
}

/**
 * The town a headquarters line names: "Geneva" in "Switzerland" → the most prominent place of that name in
 * the country, by folded name.
 */
function placeFinder(entries: readonly KbEntry[]): (city: string, countryName: string) => string | undefined {
  const countryByName = new Map<string, string>();
  for (const e of entries) {
    if (!isCountryEntry(e) || !e.country) continue;
    for (const n of [e.name, ...e.aliases]) countryByName.set(cachedFoldKey(n), e.country);
  }
  const towns = placesByName(entries);
  return (city, countryName) => {
    const cc = countryByName.get(cachedFoldKey(countryName));
    return cc ? towns.get(placeKey(cc, city))?.id : undefined;
  };
}

export interface AssembleOptions {
  /** Towns of at least this population are shipped (capitals and seats always are). */
  minPopulation: number;
  isBlocked?: WordFilter;
}

export interface AssembleResult {
  /** Sorted by id. */
  entries: KbEntry[];
  /** id → the curated file an entry comes from. */
  origins: Map<string, string>;
  /** The Phoenix officials as the artifact stores them (compact rows, worded again when read). */
  officials?: OfficialsSection;
  /** Which generated ids each curated entry took in. */
  merges: { into: string; from: string[] }[];
  stats: {
    geonamesRows: number;
    towns: number;
    regions: number;
    countries: number;
    curatedPlaces: number;
    actors: number;
    /** Curated entries that took in a generated entry. */
    merges: number;
    /** Office holders added as person entries from the Factbook. */
    officeHolders: number;
    /** Government officials added from the Phoenix dictionaries. */
    officials: number;
    /** Parties and intergovernmental organisations added, and curated ones given a QID. */
    organizations: number;
    qidsAdded: number;
  };
}

/** Fills an entry's missing `source` and `asOf` from its file's defaults. */
function withFileDefaults(e: KbEntry, file: CuratedFile): KbEntry {
  const out: KbEntry = { ...e };
  if (!out.source) out.source = file.source;
  if (!out.asOf && file.asOf) out.asOf = file.asOf;
  return out;
}

function namesOf(e: KbEntry): string[] {
  return [e.name, ...(e.aliases ?? [])];
}

// A cheap key for the 200,000 rows' ASCII names: "Washington D.C." → "washington d c".
function asciiKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Builds every KB entry from the sources. Pure: same sources, same entries in the same order. */
export function assembleKb(sources: KbSources, options: AssembleOptions): AssembleResult {
  const { isBlocked, minPopulation } = options;
  const countryByCode = new Map(sources.countries.map((c) => [c.cca2, c]));
  const arabic = new Set(sources.countries.filter(isArabicSpeaking).map((c) => c.cca2));
  // Capitals as world-countries names them, to find capitals GeoNames codes as mere seats.
  const capitalKeys = new Map<string, Set<string>>();
  for (const c of sources.countries) capitalKeys.set(c.cca2, new Set(c.capital.map(asciiKey)));

  // One pass over the towns: what is shipped, and what regions and countries learn from their towns.
  const regionStats = new Map<string, RegionStats>();
  const countryPopulation = new Map<string, number>();
  const capitalRow = new Map<string, GeoNamesRow>();
  const shipped: GeoNamesRow[] = [];
  let geonamesRows = 0;
  for (const row of sources.geonames) {
    geonamesRows++;
    const cc = row.countryCode;
    countryPopulation.set(cc, (countryPopulation.get(cc) ?? 0) + row.population);
    const code = `${cc}.${row.admin1}`;
    let stats = regionStats.get(code);
    if (!stats) {
      stats = { centre: emptyCentroid(), population: 0 };
      regionStats.set(code, stats);
    }
    addPoint(stats.centre, row.lat, row.lon);
    stats.population += row.population;
    if (
      (row.featureCode === 'PPLA' || row.featureCode === 'PPLC') &&
      row.population >= (stats.seat?.population ?? -1)
    ) {
      stats.seat = row;
    }
    const caps = capitalKeys.get(cc);
    if (caps && caps.size > 0 && caps.has(asciiKey(row.asciiName))) {
      const best = capitalRow.get(cc);
      if (!best || row.population > best.population) capitalRow.set(cc, row);
    }
    if (isShippedRow(row, minPopulation)) shipped.push(row);
  }
  const capitalIds = new Set([...capitalRow.values()].map((r) => r.geonameId));
  for (const row of capitalRow.values()) if (!isShippedRow(row, minPopulation)) shipped.push(row);

  const origins = new Map<string, string>();
  const curated: KbEntry[] = [];
  for (const { file, data } of sources.curatedPlaces) {
    for (const e of data.entries) {
      curated.push(withFileDefaults(e, data));
      origins.set(e.id, file);
    }
  }
  const countries = sources.countries.map((c) => countryEntry(c, countryPopulation.get(c.cca2) ?? 0, isBlocked));
  // Names of countries, also as curated files spell them ("Turkey", "US"), are never a town's alias.
  const countryIds = new Set(countries.map((c) => c.id));
  const reserved = new Set(
    [...countries, ...curated.filter((e) => countryIds.has(e.id))].flatMap(namesOf).map(cachedFoldKey),
  );

  const regionCodes = new Set<string>();
  const regions: KbEntry[] = [];
  for (const rec of sources.admin1) {
    const [cc = ''] = rec.code.split('.');
    const country = countryByCode.get(cc);
    const [lat, lon] = country?.latlng ?? [];
    const entry = regionEntry(rec, regionStats.get(rec.code), {
      countryId: countryId(cc),
      isBlocked,
      reserved,
      arabic: arabic.has(cc),
      fallback: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
    });
    if (!entry) continue;
    regions.push(entry);
    regionCodes.add(rec.code);
  }

  const towns = shipped.map((row) => {
    const code = `${row.countryCode}.${row.admin1}`;
    return cityEntry(row, {
      isBlocked,
      reserved,
      isCapital: capitalIds.has(row.geonameId),
      arabic: arabic.has(row.countryCode),
      regionId: regionCodes.has(code) ? regionId(code) : undefined,
    });
  });

  const merged = mergeCurated(dropShadowedAliases([...countries, ...regions, ...towns]), curated);
  const places = merged.entries.map((e) => {
    if (e.kind !== 'place') return e;
    const out = e.prominence === undefined ? { ...e, prominence: featureProminence(e.subtype) } : e;
    const point = isCountryEntry(e) && e.country ? sources.countryPoints?.[e.country] : undefined;
    return point ? { ...out, lat: point.lat, lon: point.lon } : out;
  });

  const actors: KbEntry[] = [];
  for (const { file, data } of sources.actors) {
    for (const e of data.entries) {
      const entry = withFileDefaults(e, data);
      if (entry.kind === 'person') entry.aliases = withoutTitledAliases(entry.name, entry.aliases ?? []);
      actors.push(entry);
      origins.set(e.id, file);
    }
  }

  // Synonyms of ids: merged-away ids, and `iso:<CC>` for countries known by their QID.
  const redirects = new Map(merged.redirects);
  for (const c of sources.countries) {
    const id = countryId(c.cca2);
    const iso = `iso:${c.cca2}`;
    if (id !== iso) redirects.set(iso, redirects.get(id) ?? id);
  }
  for (const [from, to] of redirects) {
    const final = redirects.get(to);
    if (final && final !== from) redirects.set(from, final);
  }
  const capitalEntryIds = new Map<string, string>();
  for (const [cc, row] of capitalRow) {
    const id = `gn:${row.geonameId}`;
    capitalEntryIds.set(cc, redirects.get(id) ?? id);
  }
  const profiled = attachProfiles({
    entries: redirectRelations([...places, ...actors], redirects),
    countries: sources.countries,
    factbook: sources.factbook,
    history: sources.leaderHistory,
    capitalIds: capitalEntryIds,
  });
  for (const e of profiled.added) origins.set(e.id, 'data/countries/factbook.json');
  const withLeaders = [...profiled.entries, ...profiled.added];
  const countryNames = new Map(
    withLeaders.filter((e) => isCountryEntry(e) && e.country).map((e) => [e.country as string, e.name]),
  );
  const orgs = organizationEntries({
    entries: withLeaders,
    parties: sources.parties,
    igos: sources.igos,
    isBlocked,
    placeOf: placeFinder(withLeaders),
  });
  for (const e of orgs.added) {
    origins.set(e.id, e.subtype === 'party' ? 'data/converted/parties.json' : 'data/converted/igos.json');
  }
  const known = withLeaderQids(
    [...withLeaders.map((e) => orgs.changed.get(e.id) ?? e), ...orgs.added],
    sources.leaderQids,
  );
  const phoenix = sources.phoenix
    ? phoenixEntries(sources.phoenix, known, {
        countryName: (cc) => countryNames.get(cc) ?? cc,
        isSame: isSamePerson,
        placeKeys: new Set(known.filter((e) => e.kind === 'place').map((e) => cachedFoldKey(e.name))),
      })
    : { entries: [], rows: [] };
  const officials = phoenix.entries;
  for (const e of officials) origins.set(e.id, 'data/converted/phoenix-people.json');
  const officialsSection: OfficialsSection | undefined = sources.phoenix
    ? {
        file: { source: sources.phoenix.source, license: sources.phoenix.license, asOf: sources.phoenix.asOf },
        countryNames: Object.fromEntries(
          [...new Set(officials.map((e) => e.country as string))].sort().map((cc) => [cc, countryNames.get(cc) ?? cc]),
        ),
        rows: phoenix.rows,
      }
    : undefined;
  const entries = withNearestCities(withInverseRelations([...known, ...officials]));
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    entries,
    ...(officialsSection ? { officials: officialsSection } : {}),
    origins,
    merges: merged.merges,
    stats: {
      geonamesRows,
      towns: towns.length,
      regions: regions.length,
      countries: countries.length,
      curatedPlaces: curated.length,
      actors: actors.length,
      merges: merged.merges.length,
      officeHolders: profiled.added.length,
      officials: officials.length,
      organizations: orgs.added.length,
      qidsAdded: [...orgs.changed.values()].filter((e) => e.qid).length,
    },
  };
}
