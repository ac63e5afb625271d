import { describe, expect, test } from 'vitest';
import type { CorrectionRecord } from '../../../lib/db/schema';
import type { KbEntry } from '../../../lib/kb/types';
import { applyCorrections, findWhole, latestByKey } from '../../../lib/link/corrections';
import type { Mention } from '../../../lib/recognize/types';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

const text = 'Officials in Georgia met the Hemo Group in Damascus. Later the Hemo Group left Georgia.';
const at = (surface: string, from = 0) => text.indexOf(surface, from);
const mention = (surface: string, extra: Partial<Mention> = {}, from = 0): Mention => ({
  start: at(surface, from),
  end: at(surface, from) + surface.length,
  kind: 'place',
  confidence: 0.7,
  surface,
  ...extra,
});
const mentions: Mention[] = [
  mention('Georgia', { entityId: 'Q230', name: 'Georgia' }),
  mention('Damascus', { entityId: 'gn:170063', name: 'Damascus' }),
  mention('Georgia', { entityId: 'Q230', name: 'Georgia' }, 40),
];
const userEntry: KbEntry = {
  id: 'user:hemo-group-1',
  kind: 'organization',
  subtype: 'added by you',
  name: 'Hemo Group',
  aliases: [],
  source: 'reader',
};
const byId = new Map([...MINI_ENTRIES, userEntry].map((e) => [e.id, e]));
const context = { text, entry: (id: string) => byId.get(id) };
const correction = (
  c: Partial<CorrectionRecord> & Pick<CorrectionRecord, 'key' | 'action' | 'surface'>,
): CorrectionRecord => ({
  createdAt: 1,
  ...c,
});

describe('applyCorrections', () => {
  test('leaves the mentions as they were when there are no corrections', () => {
    expect(applyCorrections(mentions, [], context)).toEqual(mentions);
  });

  test('"not an entity" drops every mention of the name, and only that name', () => {
    const out = applyCorrections(
      mentions,
      [correction({ key: 'georgia', action: 'not-entity', surface: 'Georgia' })],
      context,
    );
    expect(out.map((m) => m.surface)).toEqual(['Damascus']);
  });

  test('"not this one" relinks every mention of the name to the chosen entry, with its name and kind', () => {
    const out = applyCorrections(
      mentions,
      [
        correction({
          key: 'georgia',
          action: 'link',
          surface: 'Georgia',
          entityId: 'gn:4197000',
          wrongEntityId: 'Q230',
        }),
      ],
      context,
    );
    expect(out.filter((m) => m.surface === 'Georgia').map((m) => [m.entityId, m.confidence])).toEqual([
      ['gn:4197000', 1],
      ['gn:4197000', 1],
    ]);
    expect(out.find((m) => m.surface === 'Damascus')?.entityId).toBe('gn:170063');
  });

  test('a correction matches the name folded: case and accents do not matter', () => {
    const odd = [mention('Damascus', { entityId: 'gn:170063', name: 'Damascus', surface: 'DAMASCÚS' })];
    const out = applyCorrections(
      odd,
      [correction({ key: 'damascus', action: 'not-entity', surface: 'Damascus' })],
      context,
    );
    expect(out).toEqual([]);
  });

  test('a name the reader added is linked where the recognizer saw nothing, as whole words only', () => {
    const out = applyCorrections(
      mentions,
      [correction({ key: 'hemo group', action: 'add', surface: 'Hemo Group', entityId: 'user:hemo-group-1' })],
      { ...context, text: `${text} Hemo Groups are not it.` },
    );
    const hemo = out.filter((m) => m.entityId === 'user:hemo-group-1');
    expect(hemo.map((m) => [m.start, m.kind])).toEqual([
      [at('Hemo Group'), 'organization'],
      [at('Hemo Group', 40), 'organization'],
    ]);
    expect(out.map((m) => m.start)).toEqual([...out.map((m) => m.start)].sort((a, b) => a - b));
  });

  test('an added name does not overlap a mention the recognizer found', () => {
    const found = [...mentions, mention('Hemo Group', { kind: 'organization', surface: 'Hemo Group' })];
    const out = applyCorrections(
      found,
      [correction({ key: 'hemo group', action: 'add', surface: 'Hemo Group', entityId: 'user:hemo-group-1' })],
      context,
    );
    expect(out.filter((m) => m.surface === 'Hemo Group')).toHaveLength(2);
  });

  test('a correction to an entry that no longer exists is ignored', () => {
    const out = applyCorrections(
      mentions,
      [correction({ key: 'georgia', action: 'link', surface: 'Georgia', entityId: 'gone' })],
      context,
    );
    expect(out).toEqual(mentions);
  });

  test('the newest correction of a name wins', () => {
    const held = latestByKey([
      correction({ key: 'georgia', action: 'not-entity', surface: 'Georgia', createdAt: 1 }),
      correction({ key: 'georgia', action: 'link', surface: 'Georgia', entityId: 'gn:4197000', createdAt: 5 }),
    ]);
    expect(held.get('georgia')?.action).toBe('link');
  });

  test('does not change its input', () => {
    const copy = structuredClone(mentions);
    applyCorrections(mentions, [correction({ key: 'georgia', action: 'not-entity', surface: 'Georgia' })], context);
    expect(mentions).toEqual(copy);
  });
});

describe('findWhole', () => {
  test('finds a name as whole words across any spacing, and escapes its characters', () => {
    expect(findWhole('A  Hemo\nGroup and HemoGroup', 'Hemo Group')).toEqual([{ start: 3, end: 13 }]);
    expect(findWhole('U.S. and UxSx', 'U.S.')).toEqual([{ start: 0, end: 4 }]);
  });
});
