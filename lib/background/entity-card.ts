/** @module lib/background/entity-card — the few facts a hover card shows, read from the in-memory name index. */

import { entryById, type NameIndex } from '../kb/name-index';
import { placeLine, regionIdOf } from '../kb/place-line';
import type { EntityCard, Result } from '../messages';

/** Longest description sent to a card: it shows one line, and the page must not get the whole entry. */
export const CARD_DESCRIPTION_MAX = 300;
/** Longest source label sent to a card. */
const CARD_SOURCE_MAX = 80;
/** Ids are QIDs or namespaced ids ("gn:170063", "bs:hemo-base"); anything longer is not one. */
const MAX_ID_LENGTH = 200;

/** The card for entry `id`, or an error value when the id is malformed or unknown. */
export function entityCardFor(index: NameIndex, id: unknown): Result<EntityCard> {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    return { ok: false, error: 'bad entity id' };
  }
  const position = index.byId.get(id);
  if (position === undefined) return { ok: false, error: `unknown entity: ${id}` };
  const entry = index.entries[position];
  const card: EntityCard = { name: entry.name, kind: entry.kind, subtype: entry.subtype };
  // A place without a written description says where it is ("Town in …, 30 km NE of …").
  const description =
    entry.description ??
    placeLine(entry, { region: entryById(index, regionIdOf(entry)), near: entryById(index, entry.near?.id) });
  if (description) card.description = description.slice(0, CARD_DESCRIPTION_MAX);
  if (entry.country) card.country = entry.country;
  if (entry.role) card.role = entry.role;
  if (entry.source) card.source = entry.source.slice(0, CARD_SOURCE_MAX);
  const asOf = entry.asOf ?? entry.profile?.asOf;
  if (asOf) card.asOf = asOf;
  return { ok: true, value: card };
}
