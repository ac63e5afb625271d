/** @module lib/kb/types — the shapes of knowledge-base entries, shared by data, build and runtime. */

/** The three kinds of names Backstory recognizes. */
export type EntityKind = 'place' | 'person' | 'organization';

/** A dated fact about an entry; `date` is ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface Fact {
  date: string;
  text: string;
  /** Where the fact comes from: a URL or a short citation such as "Wikidata". */
  source: string;
}

/**
 * How an entry relates to another. `succeeded`: the entry followed the target in an office. The build adds the
 * other side of each (`led-by`, `has-member`, `has-part`, `hosts`, `succeeded-by`; see lib/kb/relations).
 */
export type RelationType =
  | 'leads'
  | 'member-of'
  | 'part-of'
  | 'based-in'
  | 'succeeded'
  | 'led-by'
  | 'has-member'
  | 'has-part'
  | 'hosts'
  | 'succeeded-by';

/** A typed link from one entry to another, by id. */
export interface Relation {
  type: RelationType;
  target: string;
}

/** A name in a profile, with the entry it links to when the knowledge base has one. */
export interface ProfileLink {
  name: string;
  id?: string;
}

/** One holder of a country's top office, as of the profile's date. */
export interface OfficeTerm extends ProfileLink {
  /** The office as the source writes it ("Chancellor", "Prime Minister"). */
  title?: string;
  /** ISO date the holder took office. */
  since?: string;
}

/** What a country's card shows: the facts a news reader needs, each from a named source, as of `asOf`. */
export interface CountryProfile {
  capitals: ProfileLink[];
  /** UN geoscheme subregion ("Western Asia"), or the region when there is none. */
  region?: string;
  population?: number;
  populationYear?: number;
  /** Square kilometres. */
  area?: number;
  languages: string[];
  /** "Syrian pound (SYP)". */
  currencies: string[];
  borders: ProfileLink[];
  governmentType?: string;
  headOfState: OfficeTerm[];
  headOfGovernment: OfficeTerm[];
  legislature?: string;
  armedForces?: string;
  unMember?: boolean;
  /** The date of the newest dated source the profile was built from (absent when none is dated). */
  asOf?: string;
  /** The sources, by name, the profile's facts come from. */
  sources: string[];
}

/**
 * One knowledge-base entry. Places carry coordinates; actors carry a role and description.
 * `id` is the Wikidata QID where known (e.g. "Q858"), otherwise a namespaced id
 * such as "gn:170063" (GeoNames) or "bs:hemo-base" (curated by us).
 */
export interface KbEntry {
  id: string;
  kind: EntityKind;
  /** Finer type: country, region, city, sea, river, base, field …; head-of-state, minister, ministry, armed-group … */
  subtype: string;
  name: string;
  /** Other names: acronyms, transliterations, short forms ("the Pentagon"). Not including `name`. */
  aliases: string[];
  /** Adjectives and nouns for a country's people ("Iranian", "Iraqis"): context cues, not names of the place. */
  demonyms?: string[];
  /** ISO 3166-1 alpha-2 code of the entry's country, when it has one. */
  country?: string;
  lat?: number;
  lon?: number;
  population?: number;
  /** 0..1: how likely a bare mention of a shared name means this entry (prior for linking). */
  prominence?: number;
  role?: string;
  description?: string;
  facts?: Fact[];
  relations?: Relation[];
  /** The date the facts were checked as true (ISO). */
  asOf?: string;
  wikipedia?: string;
  /**
   * Linked only in an article that names the entry's country (by a place, a demonym or another entry of it):
   * for entries from bulk sources whose names others share ("David Miller", "Social Democratic Party").
   */
  needsCountryCue?: boolean;
  /** Wikidata QID, when a source gives it and the entry's own id is not one. */
  qid?: string;
  /** Places: the nearest large city of the same country and how far it is (see lib/kb/build/near). */
  near?: { id: string; km: number };
  /** Countries and territories: capital, population, leaders, neighbours … (see CountryProfile). */
  profile?: CountryProfile;
  /** Other ids of the same real thing that the KB build merges into this entry (e.g. "adm1:PS.GZ" for the Gaza Strip). */
  sameAs?: string[];
  source: string;
}

/** A file of curated entries in data/ (actors or places). */
export interface CuratedFile {
  /** The date the file's facts were checked as true (ISO). */
  asOf: string;
  /** Default source for the file's entries. */
  source: string;
  entries: KbEntry[];
}
