// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { CorrectionSection } from '../../../components/panel/CorrectionSection';
import { CountryProfile } from '../../../components/panel/CountryProfile';
import { NotesSection } from '../../../components/panel/NotesSection';
import { ReadingMemory } from '../../../components/panel/ReadingMemory';
import { SaveArticle } from '../../../components/panel/SaveArticle';
import type { EntityRecord, NoteRecord } from '../../../lib/db/schema';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

/** Lets promises settle and Preact re-render. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function type(el: Element, value: string) {
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const submit = (form: Element) =>
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

const note = (id: number, text: string): NoteRecord => ({ id, entityId: 'Q858', text, createdAt: id, updatedAt: id });

describe('NotesSection', () => {
  test('lists notes and adds one, clearing the box', async () => {
    const added: string[] = [];
    const root = mount(
      <NotesSection
        notes={[note(1, 'first')]}
        onAdd={async (t) => void added.push(t)}
        onUpdate={async () => {}}
        onDelete={async () => {}}
      />,
    );
    expect([...root.querySelectorAll('.note-text')].map((n) => n.textContent)).toEqual(['first']);
    const box = root.querySelector('.add-note textarea') as HTMLTextAreaElement;
    type(box, 'a new note');
    submit(root.querySelector('.add-note') as HTMLFormElement);
    await settle();
    expect(added).toEqual(['a new note']);
    expect(box.value).toBe('');
  });

  test('edits and deletes a note through its buttons', async () => {
    const calls: string[] = [];
    const root = mount(
      <NotesSection
        notes={[note(7, 'draft')]}
        onAdd={async () => {}}
        onUpdate={async (id, t) => void calls.push(`update ${id} ${t}`)}
        onDelete={async (id) => void calls.push(`delete ${id}`)}
      />,
    );
    act(() => (root.querySelector('.note button') as HTMLButtonElement).click());
    type(root.querySelector('.note textarea') as HTMLTextAreaElement, 'final');
    submit(root.querySelector('.note form') as HTMLFormElement);
    await settle();
    const deleteButton = [...root.querySelectorAll('.note button')].find((b) => b.textContent === 'Delete');
    act(() => (deleteButton as HTMLButtonElement).click());
    expect(calls).toEqual(['update 7 final', 'delete 7']);
  });

  test('shows why a note could not be saved', async () => {
    const root = mount(
      <NotesSection
        notes={[]}
        onAdd={async () => {
          throw new Error('disk full');
        }}
        onUpdate={async () => {}}
        onDelete={async () => {}}
      />,
    );
    type(root.querySelector('.add-note textarea') as HTMLTextAreaElement, 'x');
    submit(root.querySelector('.add-note') as HTMLFormElement);
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('disk full');
  });
});

const candidate = (id: string, name: string, country: string): EntityRecord => ({
  id,
  kind: 'place',
  subtype: 'region',
  name,
  aliases: [],
  country,
  source: 't',
  origin: 'kb',
  updatedAt: 0,
});

describe('CorrectionSection', () => {
  const base = {
    corrections: [],
    onLink: async () => {},
    onNotEntity: async () => {},
    onAdd: async () => {},
    onUndo: async () => {},
    onFindCandidates: async () => [],
  };

  test('"Not a name" applies to the ways the article writes the name that are ticked', async () => {
    const marked: string[][] = [];
    const root = mount(
      <CorrectionSection
        {...base}
        surfaces={['US', 'U.S.']}
        linkedId="Q30"
        kind="place"
        onNotEntity={async (s) => void marked.push(s)}
      />,
    );
    const boxes = root.querySelectorAll<HTMLInputElement>('.surfaces input');
    act(() => {
      boxes[1].checked = false;
      boxes[1].dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => (root.querySelector('.not-entity') as HTMLButtonElement).click());
    await settle();
    expect(marked).toEqual([['US']]);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('read again');
  });

  test('"Not this one" lists the other candidates and links the chosen one', async () => {
    const linked: string[] = [];
    const root = mount(
      <CorrectionSection
        {...base}
        surfaces={['Georgia']}
        linkedId="Q230"
        kind="place"
        onFindCandidates={async () => [candidate('Q230', 'Georgia', 'GE'), candidate('gn:4197000', 'Georgia', 'US')]}
        onLink={async (s, id) => void linked.push(`${s.join()}→${id}`)}
      />,
    );
    act(() => (root.querySelector('.row button') as HTMLButtonElement).click());
    submit(root.querySelector('.candidates form') as HTMLFormElement);
    await settle();
    const rows = [...root.querySelectorAll('.candidate')];
    expect(rows.map((r) => r.textContent)).toEqual(['Georgiaregion · United States']);
    act(() => (rows[0] as HTMLButtonElement).click());
    await settle();
    expect(linked).toEqual(['Georgia→gn:4197000']);
  });

  test('an unknown name can be added to the knowledge base with a kind and a note', async () => {
    const added: unknown[] = [];
    const root = mount(
      <CorrectionSection {...base} surfaces={['Hemo']} kind="place" onAdd={async (e) => void added.push(e)} />,
    );
    const open = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Add to knowledge base'));
    act(() => (open as HTMLButtonElement).click());
    const select = root.querySelector('.add-entry select') as HTMLSelectElement;
    act(() => {
      select.value = 'organization';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    type(root.querySelector('.add-entry textarea') as HTMLTextAreaElement, 'A US base.');
    submit(root.querySelector('.add-entry') as HTMLFormElement);
    await settle();
    expect(added).toEqual([{ surface: 'Hemo', name: 'Hemo', kind: 'organization', note: 'A US base.' }]);
  });

  test('shows the correction that holds, with an undo', async () => {
    const undone: number[] = [];
    const root = mount(
      <CorrectionSection
        {...base}
        surfaces={['Georgia']}
        linkedId="gn:4197000"
        kind="place"
        corrections={[
          { id: 4, key: 'georgia', action: 'link', surface: 'Georgia', entityId: 'gn:4197000', createdAt: 1 },
        ]}
        entityNames={new Map([['gn:4197000', 'Georgia (US state)']])}
        onUndo={async (id) => void undone.push(id)}
      />,
    );
    expect(root.querySelector('.corrections li')?.textContent).toContain('“Georgia” means Georgia (US state)');
    act(() => (root.querySelector('.corrections button') as HTMLButtonElement).click());
    expect(undone).toEqual([4]);
  });
});

describe('ReadingMemory', () => {
  test('lists the other articles with site and date, and the co-mentioned entities', () => {
    const opened: string[] = [];
    const root = mount(
      <ReadingMemory
        articles={[
          { id: 'a', url: 'https://n.example/a', title: 'Story A', site: 'n.example', at: 0, saved: true, count: 2 },
        ]}
        coMentions={[{ entityId: 'Q796', name: 'Iraq', kind: 'place', articles: 3 }]}
        onSelectEntity={(id) => opened.push(id)}
        formatDate={() => '1 Jan 1970'}
      />,
    );
    expect(root.querySelector('.memory-articles li')?.textContent).toBe('Story A n.example · 1 Jan 1970 · saved · 2×');
    act(() => (root.querySelector('.co-mentions button') as HTMLButtonElement).click());
    expect(opened).toEqual(['Q796']);
  });

  test('says when no other article mentions it', () => {
    const root = mount(<ReadingMemory articles={[]} coMentions={[]} />);
    expect(root.textContent).toContain('Not in any other article');
  });
});

describe('SaveArticle', () => {
  test('says the article was saved', async () => {
    const root = mount(
      <SaveArticle
        saved={false}
        onSave={async () => ({ ok: true, value: { articleId: 'a', title: 'A', updated: false } })}
      />,
    );
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    await settle();
    expect(root.querySelector('.save-status')?.textContent).toBe('Saved to your library.');
  });

  test('shows the error value, a throw, or a missing answer without breaking', async () => {
    for (const [onSave, text] of [
      [async () => ({ ok: false as const, error: 'no handler' }), 'Could not save: no handler'],
      [
        async () => {
          throw new Error('Receiving end does not exist.');
        },
        'Could not save: Receiving end does not exist.',
      ],
      [async () => undefined as never, 'No answer from Backstory.'],
    ] as const) {
      const root = mount(<SaveArticle saved onSave={onSave} />);
      expect(root.querySelector('button')?.textContent).toBe('Update saved copy');
      act(() => (root.querySelector('button') as HTMLButtonElement).click());
      await settle();
      expect(root.querySelector('.save-status.error')?.textContent).toBe(text);
    }
  });
});

describe('CountryProfile', () => {
  test("shows a country's capital, leaders and neighbours; a name opens its entry", () => {
    const opened: string[] = [];
    const root = mount(
      <CountryProfile
        profile={{
          capitals: [{ name: 'Damascus', id: 'gn:170654' }],
          region: 'Western Asia',
          population: 24_300_000,
          populationYear: 2025,
          languages: ['Arabic'],
          currencies: ['Syrian pound (SYP)'],
          borders: [
            { name: 'Iraq', id: 'Q796' },
            { name: 'Lebanon', id: 'Q822' },
          ],
          governmentType: 'transitional presidential republic',
          headOfState: [{ name: 'Ahmed al-Sharaa', id: 'bs:ahmed-al-sharaa' }],
          headOfGovernment: [
            { name: 'Mohammed al-Bashir', id: 'bs:mohammed-al-bashir', title: 'Prime Minister', since: '2024-12-08' },
          ],
          asOf: '2026-01-22',
          sources: ['CIA World Factbook'],
        }}
        onSelectEntity={(id) => opened.push(id)}
      />,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('CapitalDamascus');
    expect(text).toContain('Head of governmentPrime Minister Mohammed al-Bashir (since 8 Dec 2024)');
    expect(text).toContain('Population24.3 million (2025 est.)');
    expect(text).toContain('As of 22 Jan 2026 · CIA World Factbook');
    const buttons = [...root.querySelectorAll('button')];
    act(() => buttons.find((b) => b.textContent === 'Lebanon')?.click());
    act(() => buttons.find((b) => b.textContent === 'Ahmed al-Sharaa')?.click());
    expect(opened).toEqual(['Q822', 'bs:ahmed-al-sharaa']);
  });
});
