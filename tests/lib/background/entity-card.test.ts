import { expect, test } from 'vitest';
import { CARD_DESCRIPTION_MAX, entityCardFor } from '../../../lib/background/entity-card';
import { buildNameIndex } from '../../../lib/kb/name-index';
import { miniIndex } from '../../helpers/mini-kb';

test('a card carries the entry’s name, kind, subtype and country, and nothing it lacks', () => {
  expect(entityCardFor(miniIndex(), 'Q858')).toEqual({
    ok: true,
    value: { name: 'Syria', kind: 'place', subtype: 'country', country: 'SY' },
  });
});

test('a long description is cut: the card shows one line, and the page gets no more than that', () => {
  const index = buildNameIndex([
    {
      id: 'bs:x',
      kind: 'person',
      subtype: 'minister',
      name: 'X',
      aliases: [],
      description: 'y'.repeat(5_000),
      role: 'Minister',
      source: 't',
    },
  ]);
  const card = entityCardFor(index, 'bs:x');
  expect(card.ok && card.value.description?.length).toBe(CARD_DESCRIPTION_MAX);
  expect(card.ok && card.value.role).toBe('Minister');
});

test('unknown or malformed ids are error values', () => {
  expect(entityCardFor(miniIndex(), 'Q0')).toEqual({ ok: false, error: 'unknown entity: Q0' });
  expect(entityCardFor(miniIndex(), 42)).toEqual({ ok: false, error: 'bad entity id' });
  expect(entityCardFor(miniIndex(), 'x'.repeat(500))).toEqual({ ok: false, error: 'bad entity id' });
});
