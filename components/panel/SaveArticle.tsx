import { useState } from 'preact/hooks';
import type { Result, SavedArticleSummary } from '@/lib/messages';

interface Props {
  /** Whether the article is in the library already. */
  saved: boolean;
  onSave: () => Promise<Result<SavedArticleSummary>>;
}

type Status =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'done'; text: string }
  | { state: 'failed'; text: string };

/** The "Save" button: saves the article to the library (or updates its copy) and says what happened. */
export function SaveArticle({ saved, onSave }: Props) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const save = async () => {
    setStatus({ state: 'saving' });
    try {
      const answer = await onSave();
      // An unanswered message (no handler yet) resolves to undefined: say so rather than crash.
      if (!answer || typeof answer !== 'object') setStatus({ state: 'failed', text: 'No answer from Backstory.' });
      else if (answer.ok)
        setStatus({ state: 'done', text: answer.value.updated ? 'Saved copy updated.' : 'Saved to your library.' });
      else setStatus({ state: 'failed', text: `Could not save: ${answer.error}` });
    } catch (error) {
      setStatus({ state: 'failed', text: `Could not save: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <div class="save">
      <button type="button" class="primary" onClick={save} disabled={status.state === 'saving'}>
        {status.state === 'saving' ? 'Saving…' : saved ? 'Update saved copy' : 'Save'}
      </button>
      {(status.state === 'done' || status.state === 'failed') && (
        <span class={status.state === 'failed' ? 'save-status error' : 'save-status'} role="status">
          {status.text}
        </span>
      )}
    </div>
  );
}
