import type { PageHighlighting, SavedArticleSummary } from '@/lib/messages';

/** Where a save from the popup stands. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; summary: SavedArticleSummary }
  | { status: 'failed'; error: string };

export interface PopupProps {
  /** undefined while asking the page; null when Backstory does not run there (a browser page, the web store). */
  state: PageHighlighting | null | undefined;
  /** A failure to report, e.g. a setting that could not be stored. */
  error?: string;
  onTogglePage: (on: boolean) => void;
  onToggleSite: (on: boolean) => void;
  onOpenPanel: () => void;
  save?: SaveState;
  onSave?: () => void;
  onOpenLibrary?: () => void;
}

const STATUS: Record<PageHighlighting['status'], string> = {
  article: 'Article',
  'not-article': 'Not an article: nothing to highlight.',
  working: 'Reading the page…',
  error: 'Backstory could not analyze this page.',
};

/** The toolbar popup: switches for this page and this site, and a way to the side panel. Props only. */
export function Popup({
  state,
  error,
  onTogglePage,
  onToggleSite,
  onOpenPanel,
  save = { status: 'idle' },
  onSave,
  onOpenLibrary,
}: PopupProps) {
  return (
    <div class="popup">
      <h1>Backstory</h1>
      {state === undefined && <p class="status">Loading…</p>}
      {state === null && <p class="status">Backstory does not run on this page.</p>}
      {state && (
        <>
          <p class="status">
            {state.status !== 'article'
              ? STATUS[state.status]
              : state.on
                ? `${STATUS.article}: ${state.marks} highlights`
                : `${STATUS.article}: highlights are off`}
          </p>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              name="page"
              checked={state.on}
              aria-checked={state.on}
              onChange={(e) => onTogglePage((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>Highlight on this page</span>
          </label>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              name="site"
              checked={state.siteOn}
              aria-checked={state.siteOn}
              onChange={(e) => onToggleSite((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>
              Highlight on <span class="site">{state.site || 'this site'}</span>
            </span>
          </label>
          <p class="hint">Alt+Shift+B turns this page’s highlights off and on.</p>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {save.status === 'saved' && (
        <p class="saved" role="status">
          {save.summary.updated ? 'Updated in the library: ' : 'Saved to the library: '}
          {save.summary.title}
        </p>
      )}
      {save.status === 'failed' && (
        <p class="error" role="alert">
          Not saved: {save.error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={onOpenPanel}>
          Open side panel
        </button>
        {onSave && state?.status === 'article' && (
          <button type="button" class="save" onClick={onSave} disabled={save.status === 'saving'}>
            {save.status === 'saving' ? 'Saving…' : 'Save to library'}
          </button>
        )}
        {onOpenLibrary && (
          <button type="button" class="library" onClick={onOpenLibrary}>
            Library
          </button>
        )}
      </div>
    </div>
  );
}
