import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportLibrary, importLibrary, mergeArticle } from '../../../lib/db/library-transfer';
import { type BackstoryDb, openDb } from '../../../lib/db/schema';
import { ImportError } from '../../../lib/library/export-format';
import { blobOf, textChunks } from '../../../lib/library/stream';

const FIXTURE_V1 = readFileSync(join(import.meta.dirname, '../../fixtures/library/export-v1.json'), 'utf8');
const fresh = () => openDb(`transfer-${crypto.randomUUID()}`);

/** The text in pieces of `size` characters, as a File's stream delivers it (lines cut anywhere). */
function pieces(text: string, size = 37): () => AsyncIterable<string> {
  return async function* () {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  };
}

async function contents(db: BackstoryDb) {
  return {
    articles: await db.articles.toArray(),
    savedPages: await db.savedPages.toArray(),
    notes: await db.notes.toArray(),
    corrections: await db.corrections.toArray(),
    entities: await db.entities.where('origin').equals('user').toArray(),
  };
}

async function exported(db: BackstoryDb): Promise<string> {
  return (await blobOf(exportLibrary(db, { now: new Date(0) }), 'application/json')).text();
}

describe('export and import', () => {
  test('an export of format version 1 (the fixture) imports whole, and exports back to the same file', async () => {
    const db = fresh();
    const summary = await importLibrary(db, pieces(FIXTURE_V1));
    expect(summary.read).toEqual({ articles: 2, savedPages: 1, notes: 2, corrections: 1, entities: 1 });
    expect(await db.articles.get('https://news.example/erbil')).toMatchObject({
      tags: ['iraq', 'drones'],
      savedAt: 1705500060000,
    });
    expect(await db.notes.get(2)).toMatchObject({ text: 'Kurdish name: Qamişlo.' });
    const again = await blobOf(
      exportLibrary(db, { now: new Date('2026-11-25T19:00:00Z'), app: 'Backstory 0.1.0' }),
      '',
    );
    expect(JSON.parse(await again.text())).toEqual(JSON.parse(FIXTURE_V1));
  });

  test('export, wipe and import restore every table exactly', async () => {
    const db = fresh();
    await importLibrary(db, pieces(FIXTURE_V1));
    const before = await contents(db);
    const file = await blobOf(exportLibrary(db, { now: new Date() }), 'application/json');
    await Promise.all([
      db.articles.clear(),
      db.savedPages.clear(),
      db.notes.clear(),
      db.corrections.clear(),
      db.entities.clear(),
    ]);
    await importLibrary(db, () => textChunks(file));
    expect(await contents(db)).toEqual(before);
  });

  test('importing into a library that has the same records adds nothing and unites tags', async () => {
    const db = fresh();
    await importLibrary(db, pieces(FIXTURE_V1));
    await db.articles.update('https://news.example/erbil', { tags: ['mine'] });
    const summary = await importLibrary(db, pieces(FIXTURE_V1, 4096));
    expect(summary.written).toEqual({ articles: 1, savedPages: 0, notes: 0, corrections: 0, entities: 0 });
    expect(await db.notes.count()).toBe(2);
    expect(await db.corrections.count()).toBe(1);
    expect((await db.articles.get('https://news.example/erbil'))?.tags).toEqual(['mine', 'iraq', 'drones']);
  });

  test('notes whose ids are taken by other notes are added under new ids, not overwriting', async () => {
    const db = fresh();
    await db.notes.add({ entityId: 'Q1', text: 'my own note', createdAt: 1, updatedAt: 1 });
    await importLibrary(db, pieces(FIXTURE_V1));
    expect((await db.notes.toArray()).map((n) => [n.id, n.text])).toEqual([
      [1, 'my own note'],
      [2, 'Kurdish name: Qamişlo.'],
      [3, 'Second attack this month.'],
    ]);
  });

  test('a note id that would exhaust the key generator is re-keyed, and notes can still be added after', async () => {
    const db = fresh();
    await importLibrary(
      db,
      pieces(FIXTURE_V1.replace('"updatedAt":1705400200000,"id":2}', `"updatedAt":1705400200000,"id":${2 ** 53}}`)),
    );
    const ids = (await db.notes.toArray()).map((n) => n.id as number);
    expect(Math.max(...ids)).toBeLessThan(2 ** 32);
    await db.notes.add({ entityId: 'Q1', text: 'after the import', createdAt: 1, updatedAt: 1 });
    expect(await db.notes.count()).toBe(ids.length + 1);
  });

  test('the local copy wins: an import never replaces a saved page or an entry the reader has', async () => {
    const db = fresh();
    await importLibrary(db, pieces(FIXTURE_V1));
    const page = (await db.savedPages.toArray())[0];
    const entry = await db.entities.get('user:hemo-base');
    if (!page || !entry) throw new Error('fixture changed');
    await db.savedPages.put({ ...page, html: '<p>my own copy</p>' });
    await db.entities.put({ ...entry, name: 'My own name' });
    const later = FIXTURE_V1.replaceAll('"updatedAt":1705500060000', '"updatedAt":1705500070000');
    await importLibrary(db, pieces(later));
    expect((await db.savedPages.get(page.id))?.html).toBe('<p>my own copy</p>');
    expect((await db.entities.get('user:hemo-base'))?.name).toBe('My own name');
  });

  test('a record damaged in the middle of the file: a clear error naming the line, and nothing written', async () => {
    const db = fresh();
    const lines = FIXTURE_V1.split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"entityId":"Q3581"'));
    const cases: [string, RegExp][] = [
      [
        [...lines.slice(0, at), lines[at].slice(0, 30), ...lines.slice(at + 1)].join('\n'),
        new RegExp(`line ${at + 1}: the file is damaged`),
      ],
      [FIXTURE_V1.replace('"action":"not-entity"', '"action":"explode"'), /a damaged corrections record \(action:/],
      [
        FIXTURE_V1.replace('"savedAt":1705500060000,"updatedAt"', '"savedAt":"yesterday","updatedAt"'),
        /savedPages record \(savedAt/,
      ],
      [FIXTURE_V1.slice(0, FIXTURE_V1.indexOf('"notes"')), /ends early/],
      [FIXTURE_V1.replace('"corrections":[', '"bookmarks":['), /unexpected section "bookmarks"/],
      [JSON.stringify({ bookmarks: [] }), /not a Backstory library export/],
      ['<html>not json</html>', /not a Backstory library export/],
      ['', /empty/],
      [FIXTURE_V1.replace('"version":1', '"version":2'), /newer Backstory \(format version 2/],
      [FIXTURE_V1.replace('"origin":"user"', '"origin":"kb"'), /entities record \(origin/],
      // A crafted file: a date that would hide every row, a script as a link, a shipped entry's id.
      [FIXTURE_V1.replace('"savedAt":1705500060000', '"savedAt":1e16'), /savedAt: .*later than tomorrow/],
      [FIXTURE_V1.replace('"savedAt":1705500060000', '"savedAt":-5'), /savedAt/],
      [
        FIXTURE_V1.replace('"url":"https://news.example/visited"', '"url":"javascript:alert(1)"'),
        /articles record \(url: not an http\(s\) address/,
      ],
      [FIXTURE_V1.replace('"id":"user:hemo-base"', '"id":"Q858"'), /not a reader's own entry id/],
    ];
    for (const [text, message] of cases) {
      const error = await importLibrary(db, pieces(text)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(await contents(db)).toEqual({ articles: [], savedPages: [], notes: [], corrections: [], entities: [] });
    }
  });

  test('an export reformatted by hand (pretty-printed, sections missing) still imports', async () => {
    const db = fresh();
    const doc = JSON.parse(FIXTURE_V1);
    delete doc.corrections;
    // An article from before tags and names were recorded: the lists default to empty.
    delete doc.articles[1].tags;
    delete doc.articles[1].names;
    const summary = await importLibrary(db, pieces(JSON.stringify(doc, null, 2)));
    expect(summary.read).toEqual({ articles: 2, savedPages: 1, notes: 2, corrections: 0, entities: 1 });
    expect(await db.articles.get('https://news.example/visited')).toMatchObject({ tags: [], names: [] });
  });

  test('a full disk during import says how far it got and leaves what was there before', async () => {
    const db = fresh();
    await db.articles.put({
      id: 'https://mine.example/a',
      url: 'https://mine.example/a',
      title: 'Mine',
      site: 'mine.example',
      text: '',
      visitedAt: 1,
      savedAt: 1,
      entityIds: [],
      tags: ['keep'],
      names: [],
    });
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    db.notes.hook('creating', () => {
      throw quota;
    });
    const error = await importLibrary(db, pieces(FIXTURE_V1)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Storage is full: the import stopped after \d+ of 7 records/);
    expect(await db.articles.get('https://mine.example/a')).toMatchObject({ tags: ['keep'] });
  });

  test('merging keeps the first save date, the last visit and both sets of tags', () => {
    const stored = {
      id: 'a',
      url: 'a',
      title: 'Stored',
      site: 's',
      text: 't',
      visitedAt: 5,
      savedAt: 3,
      entityIds: [],
      tags: ['x'],
      names: [],
    };
    const incoming = { ...stored, title: 'Incoming', visitedAt: 9, savedAt: 1, tags: ['y', 'x'] };
    expect(mergeArticle(stored, incoming)).toEqual({ ...stored, visitedAt: 9, savedAt: 1, tags: ['x', 'y'] });
    expect(mergeArticle(stored, stored)).toBeNull();
    const { savedAt: _s, ...visitOnly } = stored;
    expect(mergeArticle(visitOnly, incoming)?.title).toBe('Incoming');
  });

  test('an empty library exports a valid file that imports to nothing', async () => {
    const text = await exported(fresh());
    expect(JSON.parse(text)).toMatchObject({ format: 'backstory-library', version: 1, articles: [], notes: [] });
    expect((await importLibrary(fresh(), pieces(text))).read.articles).toBe(0);
  });
});
