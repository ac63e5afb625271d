import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { articlesMentioning } from '@/lib/db/articles';
import { addToKnowledgeBase, findCandidates, linkName, markNotEntity, removeCorrection } from '@/lib/db/corrections';
import { addNote, deleteNote, notesFor, updateNote } from '@/lib/db/notes';
import type { ArticleName, ArticleRecord, BackstoryDb, EntityRecord } from '@/lib/db/schema';
import type { MentionTarget, Result } from '@/lib/messages';
import { type MapView, mapViewFor } from '@/lib/panel/map-points';
import { coMentions, otherArticles } from '@/lib/panel/reading-memory';
import { sentencesWithMentions } from '@/lib/panel/sentence';
import { surfacesOf } from '@/lib/panel/surfaces';
import { foldKey } from '@/lib/text/fold';
import { EntityDetail } from '../EntityDetail';
import { useLiveQuery } from '../use-live-query';
import { CorrectionSection } from './CorrectionSection';
import { NotesSection } from './NotesSection';
import { ReadingMemory } from './ReadingMemory';

export interface EntityPanelProps {
  db: BackstoryDb;
  article?: ArticleRecord;
  /** The article's row for the selection; absent for an entry reached from another one. */
  name?: ArticleName;
  /** The entry shown: the name's entity, or the entry reached. Absent for an unknown name. */
  entityId?: string;
  onSelectEntity: (entityId: string) => void;
  /** Asks the page to bring a mention into view (sent to the tab's content script). */
  showMention?: (target: MentionTarget) => Promise<Result<{ index: number; total: number }>>;
  renderMap?: (view: MapView) => ComponentChildren;
  /** A correction was saved or undone: the page should be read again with it. */
  onCorrected?: () => void;
  now?: () => number;
}

/** The detail of one name or entry, with its map, reading memory, notes and corrections, read from IndexedDB. */
export function EntityPanel({
  db,
  article,
  name,
  entityId,
  onSelectEntity,
  showMention,
  renderMap,
  onCorrected,
  now = Date.now,
}: EntityPanelProps) {
  const corrected = <T,>(action: Promise<T>): Promise<T> =>
    action.then((value) => {
      onCorrected?.();
      return value;
    });
  const [mentionStatus, setMentionStatus] = useState<string | undefined>(undefined);
  // null: looked up and absent; undefined: still loading.
  const looked = useLiveQuery(async () => {
    if (!entityId) return { entity: null, targets: new Map<string, EntityRecord>(), places: [] as EntityRecord[] };
    const entity = (await db.entities.get(entityId)) ?? null;
    const targetIds = [
      ...new Set([...(entity?.relations ?? []).map((r) => r.target), ...(entity?.near ? [entity.near.id] : [])]),
    ];
    const placeIds = (article?.names ?? [])
      .filter((n) => n.kind === 'place' && n.entityId)
      .map((n) => n.entityId as string);
    const [targets, places] = await Promise.all([db.entities.bulkGet(targetIds), db.entities.bulkGet(placeIds)]);
    return {
      entity,
      targets: new Map(targets.flatMap((t) => (t ? [[t.id, t] as const] : []))),
      places: places.filter((p): p is EntityRecord => p !== undefined),
    };
  }, [entityId, article?.id, article?.names.length]);
  // Notes of an unknown name are kept under its article key ("unknown:<kind>:<name>").
  const noteKey = entityId ?? name?.key;
  const notes = useLiveQuery(() => (noteKey ? notesFor(db, noteKey) : []), [noteKey]);
  const memory = useLiveQuery(async () => {
    if (!entityId) return undefined;
    const articles = await articlesMentioning(db, entityId);
    return { others: otherArticles(articles, entityId, article?.id), co: coMentions(articles, entityId) };
  }, [entityId, article?.id]);
  const surfaces = surfacesOf(article, name);
  const surfaceKeys = surfaces.map(foldKey);
  const corrections = useLiveQuery(async () => {
    const found = surfaceKeys.length > 0 ? await db.corrections.where('key').anyOf(surfaceKeys).toArray() : [];
    const ids = [...new Set(found.flatMap((c) => (c.entityId ? [c.entityId] : [])))];
    const named = await db.entities.bulkGet(ids);
    return { found, names: new Map(named.flatMap((e) => (e ? [[e.id, e.name] as const] : []))) };
  }, [surfaceKeys.join('|')]);

  if (looked === undefined) return <p class="empty">Loading…</p>;
  const entity = looked.entity ?? undefined;
  if (!name && !entity) return <p class="empty">This entry is not in the knowledge base.</p>;

  const onShow =
    name && showMention
      ? async (index?: number) => {
          const target: MentionTarget = name.entityId
            ? { entityId: name.entityId, index }
            : { kind: name.kind, name: surfaces[0] ?? name.name, index };
          try {
            const answer = await showMention(target);
            if (answer?.ok) setMentionStatus(`Mention ${answer.value.index + 1} of ${answer.value.total} in the page`);
            else setMentionStatus(answer ? `Not shown in the page: ${answer.error}` : 'The page did not answer.');
          } catch (error) {
            setMentionStatus(`The page did not answer: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      : undefined;
  const view = entity ? mapViewFor(entity, looked.places) : undefined;
  const wrongId = name?.entityId;

  return (
    <EntityDetail
      name={name}
      entity={entity}
      relationTargets={looked.targets}
      articleEntityIds={new Set(article?.entityIds ?? [])}
      contexts={article && name ? sentencesWithMentions(article.text, name.mentions) : []}
      onShowMention={onShow}
      mentionStatus={mentionStatus}
      onSelectEntity={onSelectEntity}
      map={view && renderMap ? renderMap(view) : undefined}
    >
      {entityId && memory && (
        <ReadingMemory articles={memory.others} coMentions={memory.co} onSelectEntity={onSelectEntity} />
      )}
      {noteKey && (
        <NotesSection
          notes={notes ?? []}
          onAdd={(text) =>
            addNote(db, { entityId: noteKey, ...(article ? { articleId: article.id } : {}), text }, now())
          }
          onUpdate={(id, text) => updateNote(db, id, text, now())}
          onDelete={(id) => deleteNote(db, id)}
        />
      )}
      {name && (
        <CorrectionSection
          key={name.key}
          surfaces={surfaces}
          linkedId={name.entityId}
          kind={name.kind}
          corrections={corrections?.found ?? []}
          entityNames={corrections?.names}
          onFindCandidates={(query) => findCandidates(db, query)}
          onLink={(list, id) => corrected(Promise.all(list.map((s) => linkName(db, s, id, now(), wrongId))))}
          onNotEntity={(list) => corrected(Promise.all(list.map((s) => markNotEntity(db, s, now(), wrongId))))}
          onAdd={(entry) =>
            corrected(
              addToKnowledgeBase(
                db,
                { surface: entry.surface, name: entry.name, kind: entry.kind, note: entry.note },
                now(),
              ),
            )
          }
          onUndo={(id) => corrected(removeCorrection(db, id))}
        />
      )}
    </EntityDetail>
  );
}
