import type { ArticleName, EntityRecord } from '@/lib/db/schema';

interface Props {
  name: ArticleName;
  /** The stored entry; absent for an unknown name. */
  entity?: EntityRecord;
}

const KIND_LABEL = { place: 'Place', person: 'Person', organization: 'Organization' } as const;

/** What Backstory knows about one name: kind, role, country, description, aliases and dated facts. */
export function EntityDetail({ name, entity }: Props) {
  if (!entity) {
    return (
      <article class="detail" aria-label={name.name}>
        <h2>{name.name}</h2>
        <p class="meta">
          {KIND_LABEL[name.kind]} · not in the knowledge base · {name.count} mention{name.count === 1 ? '' : 's'}
        </p>
      </article>
    );
  }
  const facts = [...(entity.facts ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <article class="detail" aria-label={entity.name}>
      <h2>{entity.name}</h2>
      <p class="meta">
        {KIND_LABEL[entity.kind]}
        {entity.subtype ? ` · ${entity.subtype.replace(/-/g, ' ')}` : ''}
        {entity.country ? ` · ${entity.country}` : ''} · {name.count} mention{name.count === 1 ? '' : 's'}
      </p>
      {entity.role && <p class="role">{entity.role}</p>}
      {entity.description && <p class="description">{entity.description}</p>}
      {entity.lat !== undefined && entity.lon !== undefined && (
        <p class="coords">
          {entity.lat.toFixed(3)}, {entity.lon.toFixed(3)}
        </p>
      )}
      {entity.aliases.length > 0 && (
        <p class="aliases">
          <span class="label">Also:</span> {entity.aliases.slice(0, 12).join(' · ')}
        </p>
      )}
      {facts.length > 0 && (
        <ol class="facts">
          {facts.map((fact) => (
            <li key={fact.date + fact.text}>
              <time dateTime={fact.date}>{fact.date}</time> {fact.text}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
