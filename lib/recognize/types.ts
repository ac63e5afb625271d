/** @module lib/recognize/types — what recognition and linking produce. */

import type { EntityKind } from '../kb/types';

/** A name found in the text, linked to a knowledge-base entry when one fits well enough. */
export interface Mention {
  /** Offsets into the analyzed text (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  kind: EntityKind;
  /** The linked entry's id; absent for an unknown (unlinked) name. */
  entityId?: string;
  /** The linked entry's display name; absent when unlinked. */
  name?: string;
  /** 0..1: how sure the link (or, unlinked, the kind) is. */
  confidence: number;
  /** The text as written. */
  surface: string;
  /** True for a demonym ("Russian", "Iraqi") that stands for its country: a place reference, not a name. */
  demonym?: boolean;
}

/** A span that matched knowledge-base names, before linking picks one entry. */
export interface Candidate {
  start: number;
  end: number;
  /** Token positions [first, last + 1) of the span. */
  tokenStart: number;
  tokenEnd: number;
  /** Entry positions in the name index that carry this name. */
  positions: number[];
  /** How it matched: exact folded name, acronym as written, or the weak consonant skeleton. */
  via: 'name' | 'acronym' | 'skeleton' | 'demonym';
}
