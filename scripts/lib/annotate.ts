/** The annotate CLI's output shape, shared by `npm run annotate`, `npm run eval` and `npm run bench`. */
import { analyzeText } from '../../lib/analyze';
import { entryById, type NameIndex } from '../../lib/kb/name-index';
import type { EntityKind } from '../../lib/kb/types';

const TYPE: Record<EntityKind, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export interface AnnotatedEntity {
  start: number;
  end: number;
  kind: EntityKind;
  type?: string;
  id?: string;
  name?: string;
  lat?: number | null;
  lon?: number | null;
}

/** The entities of one text in the CLI's output shape. */
export function annotate(text: string, index: NameIndex, withType = false): AnnotatedEntity[] {
  return analyzeText(text, index).map((m) => {
    const out: AnnotatedEntity = { start: m.start, end: m.end, kind: m.kind };
    // Demonyms are places for geoparsing but nationalities (MISC) in NER typologies such as CoNLL's.
    if (withType) out.type = m.demonym ? 'MISC' : TYPE[m.kind];
    if (m.entityId) {
      out.id = m.entityId;
      out.name = m.name;
    }
    if (m.kind === 'place') {
      const entry = entryById(index, m.entityId);
      out.lat = entry?.lat ?? null;
      out.lon = entry?.lon ?? null;
    }
    return out;
  });
}
