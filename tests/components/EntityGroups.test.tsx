// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { EntityDetail } from '../../components/EntityDetail';
import { EntityGroups } from '../../components/EntityGroups';
import type { ArticleName, EntityRecord } from '../../lib/db/schema';

const names: ArticleName[] = [
  { key: 'Q858', entityId: 'Q858', kind: 'place', name: 'Syria', count: 7, mentions: [] },
  { key: 'Q796', entityId: 'Q796', kind: 'place', name: 'Iraq', count: 3, mentions: [] },
  { key: 'unknown:place:hemo', kind: 'place', name: 'Hemo', count: 5, mentions: [] },
  { key: 'Q6279', entityId: 'Q6279', kind: 'person', name: 'Joe Biden', count: 1, mentions: [] },
];

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('EntityGroups', () => {
  test('groups names by kind, most mentioned first, with counts', () => {
    const root = mount(<EntityGroups names={names} onSelect={() => {}} />);
    const groups = [...root.querySelectorAll('section')].map((s) => ({
      title: s.getAttribute('aria-label'),
      names: [...s.querySelectorAll('.name')].map((n) => n.textContent),
    }));
    expect(groups).toEqual([
      { title: 'Places', names: ['Syria', 'Hemo', 'Iraq'] },
      { title: 'People', names: ['Joe Biden'] },
    ]);
  });

  test('marks unknown names and reports the selected key on click', () => {
    let chosen = '';
    const root = mount(<EntityGroups names={names} onSelect={(key) => (chosen = key)} />);
    const hemo = root.querySelector('[data-entity-key="unknown:place:hemo"]') as HTMLButtonElement;
    expect(hemo.classList.contains('unlinked')).toBe(true);
    hemo.click();
    expect(chosen).toBe('unknown:place:hemo');
  });
});

describe('EntityDetail', () => {
  test('shows role, description and dated facts in order', () => {
    const entity: EntityRecord = {
      id: 'Q6279',
      kind: 'person',
      subtype: 'head-of-state',
      name: 'Joe Biden',
      aliases: ['Biden'],
      country: 'US',
      role: 'President of the United States (2021–2025)',
      description: 'American politician.',
      facts: [
        { date: '2025-01-20', text: 'Left office', source: 'Wikipedia' },
        { date: '2021-01-20', text: 'Took office', source: 'Wikipedia' },
      ],
      source: 'test',
      origin: 'kb',
      updatedAt: 0,
    };
    const root = mount(<EntityDetail name={names[3]} entity={entity} />);
    expect(root.querySelector('.role')?.textContent).toContain('President');
    expect([...root.querySelectorAll('.facts time')].map((t) => t.textContent)).toEqual(['2021-01-20', '2025-01-20']);
  });

  test('says when a name is not in the knowledge base', () => {
    const root = mount(<EntityDetail name={names[2]} />);
    expect(root.textContent).toContain('not in the knowledge base');
  });
});
