/** @module lib/kb/build/prominence — a 0..1 prior for places, from what kind of place it is and how many live there. */

/**
 * The rank of a place in the order a bare name most likely means it:
 * country > territory > region > capital > seat (first-level) > seat2 (second-level) > city.
 * `feature` is a curated sea, river, base … whose prior comes from its subtype.
 */
export type PlaceTier = 'country' | 'territory' | 'region' | 'capital' | 'seat' | 'seat2' | 'city';

// Each tier is a band [base, base + span]; population moves a place within its band. The bands overlap
// on purpose: a capital of millions outranks a small region, a provincial seat of a million outranks a
// small capital's namesakes elsewhere, but a village never outranks a country.
const BANDS: Record<PlaceTier, { base: number; span: number }> = {
  country: { base: 0.8, span: 0.2 },
  territory: { base: 0.65, span: 0.25 },
  region: { base: 0.45, span: 0.35 },
  capital: { base: 0.5, span: 0.4 },
  seat: { base: 0.35, span: 0.45 },
  seat2: { base: 0.2, span: 0.5 },
  city: { base: 0.1, span: 0.6 },
};

// log10 of the population that fills a band (about 30 million).
const FULL_LOG_POPULATION = 7.5;

/** 0..1 from a population figure on a log scale: 1,000 → 0.4, 100,000 → 0.67, 30 million → 1. */
export function populationScore(population: number | undefined): number {
  if (!population || population <= 1) return 0;
  return Math.min(1, Math.log10(population) / FULL_LOG_POPULATION);
}

/** Rounds to three decimals, the precision stored in the artifact. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000 || 0;
}

/**
 * The prominence of a place of the given tier. `population` is the place's population, or for
 * countries and regions a stand-in such as the summed population of their towns.
 */
export function placeProminence(tier: PlaceTier, population: number | undefined): number {
  const band = BANDS[tier];
  const banded = band.base + band.span * populationScore(population);
  const settlement = tier !== 'country' && tier !== 'territory' && tier !== 'region';
  return round3(settlement ? Math.max(banded, metropolisScore(population)) : banded);
}

/**
 * Cities of millions are what a bare name means in news whatever their administrative rank:
 * "New York" is the city (8.8 M, 0.85) before the state (0.79), "Los Angeles" the US city (0.79).
 * 0 below a million; 1 M → 0.68, 10 M → 0.86, 30 M → 0.95.
 */
export function metropolisScore(population: number | undefined): number {
  if (!population || population < 1_000_000) return 0;
  return Math.min(0.95, 0.5 + (0.45 * (Math.log10(population) - 5)) / 2.5);
}

/** Default prominence of curated features by subtype, when their file does not give one. */
const FEATURE_PROMINENCE: Record<string, number> = {
  continent: 0.85,
  ocean: 0.85,
  sea: 0.75,
  gulf: 0.7,
  strait: 0.7,
  canal: 0.7,
  area: 0.7,
  region: 0.65,
  river: 0.65,
  desert: 0.6,
  lake: 0.55,
  mountain: 0.5,
  island: 0.5,
  shoal: 0.5,
  base: 0.55,
  airport: 0.5,
  crossing: 0.5,
  field: 0.45,
  port: 0.5,
  facility: 0.5,
  camp: 0.5,
};

/** The prior of a curated feature: its subtype's default, or 0.5 for a subtype not listed. */
export function featureProminence(subtype: string): number {
  return FEATURE_PROMINENCE[subtype] ?? 0.5;
}
