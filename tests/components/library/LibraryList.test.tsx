// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { LibraryList, type LibraryListProps } from '../../../components/library/LibraryList';
import type { LibraryItem } from '../../../lib/db/library';

const item: LibraryItem = {
  id: 'https://news.example/a',
  url: 'https://news.example/a',
  title: 'Strikes near Erbil',
  site: 'news.example',
  savedAt: Date.UTC(2024, 0, 17),
  tags: ['iraq'],
  entityIds: ['Q133'],
  names: [{ key: 'Q133', entityId: 'Q133', kind: 'place', name: 'Erbil', count: 3 }],
};

function mount(props: Partial<LibraryListProps>) {
  const calls: string[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <LibraryList
        items={[item]}
        summary="1 of 1 articles"
        onOpen={(id) => calls.push(`open ${id}`)}
        onDelete={(i) => calls.push(`delete ${i.id}`)}
        onSetTags={(id, tags) => calls.push(`tags ${id} ${JSON.stringify(tags)}`)}
        onPickEntity={(id) => calls.push(`entity ${id}`)}
        onPickTag={(t) => calls.push(`tag ${t}`)}
        {...props}
      />,
      root,
    ),
  );
  return { root, calls };
}

test('a row shows title, site, date, entity chips and tags, and each control says what it does', () => {
  const { root, calls } = mount({});
  expect(root.querySelector('.title')?.textContent).toBe('Strikes near Erbil');
  expect(root.querySelector('.site')?.textContent).toBe('news.example');
  expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2024-01-17T00:00:00.000Z');
  act(() => (root.querySelector('.chip') as HTMLButtonElement).click());
  act(() => (root.querySelector('.tag') as HTMLButtonElement).click());
  act(() => (root.querySelector('.delete') as HTMLButtonElement).click());
  act(() => (root.querySelector('.title') as HTMLAnchorElement).click());
  expect(calls).toEqual(['entity Q133', 'tag iraq', `delete ${item.id}`, `open ${item.id}`]);
});

test('editing tags hands the typed list over on Enter', () => {
  const { root, calls } = mount({});
  act(() => (root.querySelector('.edit-tags') as HTMLButtonElement).click());
  const input = root.querySelector('.tag-input') as HTMLInputElement;
  input.value = 'iraq, drones';
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  expect(calls).toEqual([`tags ${item.id} ["iraq"," drones"]`]);
});

test('a long list draws only the first rows and says so', () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ ...item, id: `id${i}` }));
  const { root } = mount({ items: many, limit: 2 });
  expect(root.querySelectorAll('.item')).toHaveLength(2);
  expect(root.querySelector('.summary')?.textContent).toContain('showing the first 2');
});
