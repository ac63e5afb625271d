import { useState } from 'preact/hooks';
import { countryName } from '@/lib/country-name';
import type { CorrectionRecord, EntityRecord } from '@/lib/db/schema';
import type { EntityKind } from '@/lib/kb/types';

export interface NewEntryInput {
  surface: string;
  name: string;
  kind: EntityKind;
  note: string;
}

interface Props {
  /** The names as the article writes them ("US", "U.S."): corrections apply to these. */
  surfaces: string[];
  /** The entry the names are linked to now; absent for an unknown name. */
  linkedId?: string;
  kind: EntityKind;
  /** The corrections that hold for these surfaces now. */
  corrections: CorrectionRecord[];
  /** Names the corrections link to, by id. */
  entityNames?: ReadonlyMap<string, string>;
  onFindCandidates: (name: string) => Promise<EntityRecord[]>;
  onLink: (surfaces: string[], entityId: string) => Promise<unknown>;
  onNotEntity: (surfaces: string[]) => Promise<unknown>;
  onAdd: (entry: NewEntryInput) => Promise<unknown>;
  onUndo: (id: number) => Promise<unknown>;
}

type Mode = 'closed' | 'other' | 'add';
const KINDS: { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'Person' },
  { kind: 'organization', label: 'Organization' },
  { kind: 'place', label: 'Place' },
];
const APPLIES = 'Saved. The page is read again with it, and so is every page you open from now on.';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(c: CorrectionRecord, names: ReadonlyMap<string, string>): string {
  const target = c.entityId ? (names.get(c.entityId) ?? c.entityId) : '';
  if (c.action === 'not-entity') return `“${c.surface}” is not a name`;
  if (c.action === 'add') return `“${c.surface}” added to your knowledge base as ${target}`;
  return `“${c.surface}” means ${target}`;
}

/** Corrections: "not this one" (another candidate, or not a name at all) and "add to knowledge base". */
export function CorrectionSection(props: Props) {
  const { surfaces, linkedId, kind, corrections, entityNames = new Map() } = props;
  const [mode, setMode] = useState<Mode>('closed');
  const [chosen, setChosen] = useState<string[]>(surfaces);
  const [query, setQuery] = useState(surfaces[0] ?? '');
  const [candidates, setCandidates] = useState<EntityRecord[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [entry, setEntry] = useState<NewEntryInput>({
    surface: surfaces[0] ?? '',
    name: surfaces[0] ?? '',
    kind,
    note: '',
  });
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  const run = (action: Promise<unknown>) =>
    action.then(
      () => {
        setStatus({ text: APPLIES });
        setMode('closed');
      },
      (error) => setStatus({ text: messageOf(error), error: true }),
    );
  const find = async () => {
    setSearching(true);
    try {
      setCandidates((await props.onFindCandidates(query)).filter((c) => c.id !== linkedId));
    } catch (error) {
      setStatus({ text: messageOf(error), error: true });
    } finally {
      setSearching(false);
    }
  };
  const targets = chosen.filter((s) => surfaces.includes(s));

  return (
    <section class="correct" aria-label="Correct this name">
      <h3>Not right?</h3>
      {corrections.length > 0 && (
        <ul class="corrections">
          {corrections.map((c) => (
            <li key={c.id}>
              {describe(c, entityNames)}{' '}
              <button type="button" class="link" onClick={() => run(props.onUndo(c.id as number))}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
      {surfaces.length > 1 && (
        <fieldset class="surfaces">
          <legend>Written as</legend>
          {surfaces.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={chosen.includes(s)}
                onChange={(e) =>
                  setChosen(
                    (e.currentTarget as HTMLInputElement).checked ? [...chosen, s] : chosen.filter((x) => x !== s),
                  )
                }
              />{' '}
              {s}
            </label>
          ))}
        </fieldset>
      )}
      <div class="row wrap">
        <button
          type="button"
          aria-expanded={mode === 'other'}
          onClick={() => setMode(mode === 'other' ? 'closed' : 'other')}
        >
          {linkedId ? 'Not this one…' : 'Link to a known entry…'}
        </button>
        {!linkedId && (
          <button
            type="button"
            aria-expanded={mode === 'add'}
            onClick={() => setMode(mode === 'add' ? 'closed' : 'add')}
          >
            Add to knowledge base…
          </button>
        )}
        <button
          type="button"
          class="not-entity"
          disabled={targets.length === 0}
          onClick={() => run(props.onNotEntity(targets))}
        >
          Not a name
        </button>
      </div>
      {mode === 'other' && (
        <div class="candidates">
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              void find();
            }}
          >
            <input
              type="search"
              aria-label="Name to look up"
              value={query}
              onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" disabled={searching}>
              {searching ? 'Looking…' : 'Find'}
            </button>
          </form>
          {candidates !== null &&
            (candidates.length === 0 ? (
              <p class="muted">No other entry has that name.</p>
            ) : (
              <ul>
                {candidates.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      class={`candidate kind-${c.kind}`}
                      disabled={targets.length === 0}
                      onClick={() => run(props.onLink(targets, c.id))}
                    >
                      <span class="name">{c.name}</span>
                      <span class="muted">
                        {[c.subtype.replace(/-/g, ' '), c.country ? countryName(c.country) : '']
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </div>
      )}
      {mode === 'add' && (
        <form
          class="add-entry"
          onSubmit={(e) => {
            e.preventDefault();
            run(props.onAdd(entry));
          }}
        >
          <label>
            Name
            <input
              value={entry.name}
              required
              onInput={(e) => setEntry({ ...entry, name: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
          <label>
            Kind
            <select
              value={entry.kind}
              onChange={(e) => setEntry({ ...entry, kind: (e.currentTarget as HTMLSelectElement).value as EntityKind })}
            >
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Note
            <textarea
              rows={2}
              value={entry.note}
              onInput={(e) => setEntry({ ...entry, note: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          </label>
          <button type="submit" class="primary">
            Add
          </button>
        </form>
      )}
      {status && (
        <p class={status.error ? 'error' : 'muted'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
