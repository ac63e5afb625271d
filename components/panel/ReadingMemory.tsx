import type { CoMention, ReadingItem } from '@/lib/panel/reading-memory';

interface Props {
  /** The reader's other articles that mention the entity, newest first. */
  articles: ReadingItem[];
  /** Entities that share articles with it. */
  coMentions: CoMention[];
  onSelectEntity?: (entityId: string) => void;
  /** Formats a date (injected so tests do not depend on the machine's time zone). */
  formatDate?: (at: number) => string;
}

const defaultFormat = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "In your reading": where else the reader met this entity, and who or what it often appears with. */
export function ReadingMemory({ articles, coMentions, onSelectEntity, formatDate = defaultFormat }: Props) {
  return (
    <section class="memory" aria-label="In your reading">
      <h3>In your reading</h3>
      {articles.length === 0 ? (
        <p class="muted">Not in any other article you have read.</p>
      ) : (
        <ul class="memory-articles">
          {articles.slice(0, 20).map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {a.title || a.url}
              </a>
              <span class="muted">
                {' '}
                {a.site} · <time dateTime={new Date(a.at).toISOString()}>{formatDate(a.at)}</time>
                {a.saved ? ' · saved' : ''} · {a.count}×
              </span>
            </li>
          ))}
        </ul>
      )}
      {coMentions.length > 0 && (
        <>
          <h4>Often appears with</h4>
          <ul class="co-mentions">
            {coMentions.map((c) => (
              <li key={c.entityId}>
                {onSelectEntity ? (
                  <button type="button" class={`chip kind-${c.kind}`} onClick={() => onSelectEntity(c.entityId)}>
                    {c.name} <span class="muted">{c.articles}</span>
                  </button>
                ) : (
                  <span class={`chip kind-${c.kind}`}>
                    {c.name} <span class="muted">{c.articles}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
