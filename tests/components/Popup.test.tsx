// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup';
import type { PageHighlighting } from '../../lib/messages';

const article: PageHighlighting = {
  site: 'news.example',
  on: true,
  siteOn: true,
  status: 'article',
  marks: 12,
  busy: false,
};
const noop = () => {};

function mount(props: Partial<PopupProps>): HTMLElement {
  const root = document.createElement('div');
  act(() =>
    render(<Popup state={article} onTogglePage={noop} onToggleSite={noop} onOpenPanel={noop} {...props} />, root),
  );
  return root;
}

test('an article offers "Save to library", and a click saves it', () => {
  let saves = 0;
  const root = mount({ onSave: () => saves++, onOpenLibrary: noop });
  const button = root.querySelector('button.save') as HTMLButtonElement;
  expect(button.textContent).toBe('Save to library');
  act(() => button.click());
  expect(saves).toBe(1);
  expect(root.querySelector('button.library')).not.toBeNull();
});

test('a page that is not an article offers no save', () => {
  const root = mount({ state: { ...article, status: 'not-article' }, onSave: noop });
  expect(root.querySelector('button.save')).toBeNull();
});

test('the popup says whether the save added or updated the article, or why it failed', () => {
  const saved = mount({
    onSave: noop,
    save: { status: 'saved', summary: { articleId: 'a', title: 'T', updated: true } },
  });
  expect(saved.querySelector('.saved')?.textContent).toBe('Updated in the library: T');
  const saving = mount({ onSave: noop, save: { status: 'saving' } });
  expect((saving.querySelector('button.save') as HTMLButtonElement).disabled).toBe(true);
  const failed = mount({
    onSave: noop,
    save: { status: 'failed', error: 'Storage is full: this article was not saved.' },
  });
  expect(failed.querySelector('[role=alert]')?.textContent).toContain('Storage is full');
});
