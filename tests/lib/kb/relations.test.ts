import { expect, test } from 'vitest';
import { withInverseRelations } from '../../../lib/kb/relations';
import type { KbEntry } from '../../../lib/kb/types';

const entry = (id: string, kind: KbEntry['kind'], relations: KbEntry['relations'] = []): KbEntry => ({
  id,
  kind,
  subtype: 'x',
  name: id,
  aliases: [],
  relations,
  source: 'test',
});

test('every stated relation gains its other side on the target, once', () => {
  const out = withInverseRelations([
    entry('Q183', 'place'),
    entry('bs:merz', 'person', [{ type: 'leads', target: 'Q183' }]),
    entry('bs:scholz', 'person', [{ type: 'leads', target: 'Q183' }]),
    entry('bs:merz-2', 'person', [{ type: 'succeeded', target: 'bs:scholz' }]),
    entry('bs:cdu', 'organization', [{ type: 'has-member', target: 'bs:merz' }]),
    entry('bs:merz-3', 'person', [{ type: 'member-of', target: 'bs:cdu' }]),
  ]);
  const byId = new Map(out.map((e) => [e.id, e]));
  expect(byId.get('Q183')?.relations).toEqual([
    { type: 'led-by', target: 'bs:merz' },
    { type: 'led-by', target: 'bs:scholz' },
  ]);
  expect(byId.get('bs:scholz')?.relations).toContainEqual({ type: 'succeeded-by', target: 'bs:merz-2' });
  // An inverse already stated is not added twice, and an inverse type gets no inverse of its own.
  expect(byId.get('bs:cdu')?.relations).toEqual([
    { type: 'has-member', target: 'bs:merz' },
    { type: 'has-member', target: 'bs:merz-3' },
  ]);
  expect(byId.get('bs:merz')?.relations).toEqual([{ type: 'leads', target: 'Q183' }]);
});

test("the gazetteer's own hierarchy is not inverted: a country does not list its towns", () => {
  const out = withInverseRelations([
    entry('Q858', 'place'),
    entry('gn:170654', 'place', [{ type: 'part-of', target: 'Q858' }]),
    entry('bs:syrian-army', 'organization', [{ type: 'part-of', target: 'Q858' }]),
  ]);
  expect(out[0]?.relations).toEqual([{ type: 'has-part', target: 'bs:syrian-army' }]);
});
