// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
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
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

const groupsOf = (root: HTMLElement) =>
  [...root.querySelectorAll('section')].map((s) => ({
    title: s.getAttribute('aria-label'),
    names: [...s.querySelectorAll('.name')].map((n) => n.textContent),
  }));

describe('EntityGroups', () => {
  test('groups linked names by kind, most mentioned first, and unknown names in their own group', () => {
    const root = mount(<EntityGroups names={names} onSelect={() => {}} />);
    expect(groupsOf(root)).toEqual([
      { title: 'Places', names: ['Syria', 'Iraq'] },
      { title: 'People', names: ['Joe Biden'] },
      { title: 'Unknown names', names: ['Hemo'] },
    ]);
    expect(root.querySelector('.filter-count')?.textContent).toBe('4 names');
  });

  test('marks unknown names and reports the selected key on click', () => {
    let chosen = '';
    const root = mount(<EntityGroups names={names} onSelect={(key) => (chosen = key)} />);
    const hemo = root.querySelector('[data-entity-key="unknown:place:hemo"]') as HTMLButtonElement;
    expect(hemo.classList.contains('unlinked')).toBe(true);
    hemo.click();
    expect(chosen).toBe('unknown:place:hemo');
  });

  test('the filter box narrows the list and says how many are shown', () => {
    const root = mount(<EntityGroups names={names} onSelect={() => {}} />);
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      input.value = 'ir';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(groupsOf(root)).toEqual([{ title: 'Places', names: ['Iraq'] }]);
    expect(root.querySelector('.filter-count')?.textContent).toBe('1 of 4');
  });

  test('arrow keys move the focus between entity buttons', () => {
    const root = mount(<EntityGroups names={names} selected="Q858" onSelect={() => {}} />);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.entity')];
    buttons[0].focus();
    buttons[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(buttons[1]);
    buttons[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
    expect(buttons[0].getAttribute('aria-pressed')).toBe('true');
  });

  test('Down in the filter box moves to the first row', () => {
    const root = mount(<EntityGroups names={names} onSelect={() => {}} />);
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement?.getAttribute('data-entity-key')).toBe('Q858');
  });
});

const biden: EntityRecord = {
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
  relations: [
    { type: 'leads', target: 'Q30' },
    { type: 'member-of', target: 'Q29552' },
  ],
  source: 'test',
  origin: 'kb',
  updatedAt: 0,
};

describe('EntityDetail', () => {
  test('shows role, description and dated facts in order', () => {
    const root = mount(<EntityDetail name={names[3]} entity={biden} />);
    expect(root.querySelector('.role')?.textContent).toContain('President');
    expect([...root.querySelectorAll('.facts time')].map((t) => t.textContent)).toEqual(['2021-01-20', '2025-01-20']);
    expect(root.querySelector('.meta')?.textContent).toBe('Person · head of state · United States · 1 mention');
  });

  test('says when a name is not in the knowledge base', () => {
    const root = mount(<EntityDetail name={names[2]} />);
    expect(root.textContent).toContain('not in the knowledge base');
    expect(root.querySelector('.wiki')).toBeNull();
  });

  test('links relations to stored entries and names the others by id', () => {
    const opened: string[] = [];
    const root = mount(
      <EntityDetail
        name={names[3]}
        entity={biden}
        relationTargets={new Map([['Q30', { name: 'United States' }]])}
        onSelectEntity={(id) => opened.push(id)}
      />,
    );
    const rows = [...root.querySelectorAll('.relations li')].map((li) => li.textContent);
    expect(rows).toEqual(['Leads United States', 'Member of Q29552']);
    (root.querySelector('.relations button') as HTMLButtonElement).click();
    expect(opened).toEqual(['Q30']);
  });

  test('links to Wikipedia in a new tab without the opener', () => {
    const root = mount(<EntityDetail name={names[3]} entity={biden} />);
    const a = root.querySelector('.wiki a') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/Q6279');
    expect(a.target).toBe('_blank');
    expect(a.rel).toContain('noopener');
  });

  test('shows each mention in its sentence as text, and a click asks to show that mention in the page', () => {
    const shown: (number | undefined)[] = [];
    const root = mount(
      <EntityDetail
        name={names[3]}
        entity={biden}
        contexts={[
          {
            start: 5,
            index: 2,
            parts: [
              { text: 'Said ', mark: false },
              { text: '<b>Biden</b>', mark: true },
              { text: ' today.', mark: false },
            ],
          },
        ]}
        onShowMention={(index) => shown.push(index)}
      />,
    );
    const row = root.querySelector('.contexts button') as HTMLButtonElement;
    // Page text is rendered as text, never as markup.
    expect(row.querySelector('b')).toBeNull();
    expect(row.querySelector('mark')?.textContent).toBe('<b>Biden</b>');
    row.click();
    (root.querySelector('.show-mention') as HTMLButtonElement).click();
    // The sentence shows its own mention; "Show in page" steps to the next one.
    expect(shown).toEqual([2, undefined]);
  });

  test('an entry reached from another one has no mentions and no "show in page"', () => {
    const root = mount(<EntityDetail entity={biden} onShowMention={() => {}} />);
    expect(root.querySelector('.show-mention')).toBeNull();
    expect(root.querySelector('.meta')?.textContent).toContain('not in this article');
  });
});
