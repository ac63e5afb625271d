import type { ComponentChildren } from 'preact';
import { countryName } from '@/lib/country-name';
import type { ArticleName, EntityRecord } from '@/lib/db/schema';
import { placeLine, regionIdOf } from '@/lib/kb/place-line';
import { connectionsInArticle, readableAliases, relationRows, timeline, wikipediaUrl } from '@/lib/panel/entity-facts';
import type { SentenceRow } from '@/lib/panel/sentence';
import { CountryProfile } from './panel/CountryProfile';

interface Props {
  /** The name as the article has it; absent for an entry reached from another (a relation, a co-mention). */
  name?: ArticleName;
  /** The stored entry; absent for an unknown name. */
  entity?: EntityRecord;
  /** Stored entries the relations (and a place's nearest city) point to, by id, to name them. */
  relationTargets?: ReadonlyMap<
    string,
    Pick<EntityRecord, 'name'> & Partial<Pick<EntityRecord, 'subtype' | 'lat' | 'lon'>>
  >;
  /** The entries the article links, to say how this one relates to them. */
  articleEntityIds?: ReadonlySet<string>;
  /** The sentences the name is mentioned in, mentions marked. */
  contexts?: SentenceRow[];
  /** Scroll the page to the next mention (the answer says which of how many). */
  /** Bring a mention into view in the page: the one at `index` (text order), or the next one. */
  onShowMention?: (index?: number) => void;
  /** What the last "show in page" said: "2 of 7", or why it could not. */
  mentionStatus?: string;
  /** Open another entry (a relation's target). */
  onSelectEntity?: (entityId: string) => void;
  /** The map, when there is one to draw. */
  map?: ComponentChildren;
  /** Further sections: reading memory, notes, corrections. */
  children?: ComponentChildren;
}

const KIND_LABEL = { place: 'Place', person: 'Person', organization: 'Organization' } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What Backstory knows about one name: kind, role, country, description, aliases, relations and dated facts. */
export function EntityDetail({
  name,
  entity,
  relationTargets = new Map(),
  articleEntityIds = new Set(),
  contexts = [],
  onShowMention,
  mentionStatus,
  onSelectEntity,
  map,
  children,
}: Props) {
  const title = entity?.name ?? name?.name ?? '';
  const kind = entity?.kind ?? name?.kind ?? 'place';
  const headingId = `detail-${(entity?.id ?? name?.key ?? 'x').replace(/[^\w-]/g, '_')}`;
  const meta = [
    KIND_LABEL[kind],
    entity?.subtype ? entity.subtype.replace(/-/g, ' ') : undefined,
    // A country's own code names itself: "Syria · Place · country", not "… · Syria".
    entity?.country && !entity.profile ? countryName(entity.country) : undefined,
    entity ? undefined : 'not in the knowledge base',
    name ? `${plural(name.count, 'mention')}` : 'not in this article',
  ].filter(Boolean);
  const facts = entity ? timeline(entity) : [];
  const relations = entity ? relationRows(entity, relationTargets) : [];
  const aliases = entity ? readableAliases(entity) : [];
  const connections = entity ? connectionsInArticle(entity, articleEntityIds, relationTargets) : [];
  const regionId = entity ? regionIdOf(entity) : undefined;
  const where = entity
    ? placeLine(entity, {
        region: regionId ? relationTargets.get(regionId) : undefined,
        near: entity.near ? relationTargets.get(entity.near.id) : undefined,
      })
    : undefined;
  const wiki = entity ? wikipediaUrl(entity) : undefined;
  return (
    <article class="detail" aria-labelledby={headingId}>
      <div class="detail-head">
        <h2 id={headingId}>{title}</h2>
        {name && onShowMention && (
          <button type="button" class="show-mention" onClick={() => onShowMention()}>
            Show in page
          </button>
        )}
      </div>
      <p class="meta">{meta.join(' · ')}</p>
      {mentionStatus && (
        <p class="mention-status" role="status">
          {mentionStatus}
        </p>
      )}
      {entity?.role && <p class="role">{entity.role}</p>}
      {where && <p class="where">{where}</p>}
      {entity?.description && <p class="description">{entity.description}</p>}
      {entity?.profile && <CountryProfile profile={entity.profile} onSelectEntity={onSelectEntity} />}
      {map && <div class="map">{map}</div>}
      {aliases.length > 0 && (
        <p class="aliases">
          <span class="label">Also:</span> {aliases.join(' · ')}
        </p>
      )}
      {connections.length > 0 && (
        <section class="connections" aria-label="Connections in this article">
          <h3>Connections in this article</h3>
          <ul>
            {connections.map((c) => (
              <li key={c.text}>
                {onSelectEntity ? (
                  <button type="button" class="link" onClick={() => onSelectEntity(c.targetId)}>
                    {c.text}
                  </button>
                ) : (
                  c.text
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {relations.length > 0 && (
        <section class="relations" aria-label="Relations">
          <h3>Relations</h3>
          <ul>
            {relations.map((r) => (
              <li key={r.label + r.targetId}>
                <span class="label">{r.label}</span>{' '}
                {r.targetName && onSelectEntity ? (
                  <button type="button" class="link" onClick={() => onSelectEntity(r.targetId)}>
                    {r.targetName}
                  </button>
                ) : (
                  <span>{r.targetName ?? r.targetId}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.length > 0 && (
        <section aria-label="Timeline">
          <h3>Timeline</h3>
          <ol class="facts">
            {facts.map((fact) => (
              <li key={fact.date + fact.text}>
                <time dateTime={fact.date}>{fact.date}</time> {fact.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      {entity && (
        <p class="as-of">
          Source: {entity.source}
          {entity.asOf ? ` · as of ${entity.asOf}` : ''}
        </p>
      )}
      {wiki && (
        <p class="wiki">
          <a href={wiki} target="_blank" rel="noopener noreferrer">
            Wikipedia article ↗
          </a>
        </p>
      )}
      {contexts.length > 0 && (
        <section class="contexts" aria-label="In this article">
          <h3>In this article</h3>
          <ol>
            {contexts.map((row) => {
              // Page text goes in as text nodes only; <mark> wraps the mentions.
              const sentence = row.parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text));
              return (
                <li key={row.start}>
                  {onShowMention ? (
                    <button type="button" class="context" onClick={() => onShowMention(row.index)}>
                      {sentence}
                    </button>
                  ) : (
                    <span class="context">{sentence}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {children}
    </article>
  );
}
