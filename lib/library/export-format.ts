/**
 * @module lib/library/export-format — the library export file: a versioned JSON document, written and read one
 * record per line so that neither side holds the whole library as one string. Described in export-format.md.
 */

import * as v from 'valibot';
import type { ArticleRecord, CorrectionRecord, EntityRecord, NoteRecord, SavedPageRecord } from '../db/schema';

/** The `format` field: a file without it is not ours. */
export const EXPORT_FORMAT = 'backstory-library';
/** The version this build writes. Every earlier version must still import (tests/fixtures/library/). */
export const EXPORT_VERSION = 1;

/** The sections of the file, in the order they are written. */
export const EXPORT_TABLES = ['articles', 'savedPages', 'notes', 'corrections', 'entities'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportRecordMap {
  articles: ArticleRecord;
  savedPages: SavedPageRecord;
  notes: NoteRecord;
  corrections: CorrectionRecord;
  entities: EntityRecord;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** Who wrote it (name and version), for the reader's information. */
  app?: string;
}

// ---- Validation ---------------------------------------------------------------------------------------------

const str = v.string();
const optStr = v.optional(v.string());
const DAY_MS = 86_400_000;
// A time from the reader's past: a date far in the future would sort first forever, or hide every row.
const time = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(0),
  v.check((t) => t <= Date.now() + DAY_MS, 'a date later than tomorrow'),
);
// Only web pages are saved: another scheme (javascript:, data:) is never a link the library renders.
const webUrl = v.pipe(v.string(), v.regex(/^https?:\/\//i, 'not an http(s) address'));
const kind = v.picklist(['place', 'person', 'organization']);
const span = v.object({ start: v.pipe(v.number(), v.integer()), end: v.pipe(v.number(), v.integer()) });
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

const articleName = v.object({
  key: str,
  entityId: optStr,
  kind,
  name: str,
  count: v.pipe(v.number(), v.integer()),
  mentions: v.array(span),
});

const SCHEMAS = {
  articles: v.object({
    id,
    url: webUrl,
    title: str,
    site: str,
    text: str,
    visitedAt: time,
    savedAt: v.optional(time),
    entityIds: v.optional(v.array(str), []),
    tags: v.optional(v.array(str), []),
    names: v.optional(v.array(articleName), []),
  }),
  savedPages: v.object({
    id,
    html: str,
    byline: optStr,
    publishedAt: optStr,
    lang: optStr,
    imageUrl: optStr,
    excerpt: optStr,
    siteName: optStr,
    urlKey: optStr,
    savedAt: time,
    updatedAt: time,
  }),
  notes: v.object({
    id: v.optional(v.number()),
    entityId: str,
    articleId: optStr,
    text: str,
    createdAt: time,
    updatedAt: time,
  }),
  corrections: v.object({
    id: v.optional(v.number()),
    key: str,
    action: v.picklist(['link', 'not-entity', 'add']),
    surface: str,
    entityId: optStr,
    wrongEntityId: optStr,
    createdAt: time,
  }),
  // The reader's own entries: the knowledge base ships the rest, so they are never exported. Loose, since
  // KbEntry grows optional fields over time; the fields every reader of an entry relies on are checked.
  entities: v.looseObject({
    // The reader's entries live under "user:" ids: one may never take a shipped entry's id and replace it.
    id: v.pipe(id, v.startsWith('user:', "not a reader's own entry id (user:…)")),
    kind,
    subtype: str,
    name: str,
    aliases: v.array(str),
    source: str,
    origin: v.literal('user'),
    updatedAt: time,
  }),
} satisfies Record<ExportTable, v.GenericSchema>;

const HEADER = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: str,
  app: optStr,
});

/** A file that cannot be imported: says where and why, in words for the reader. */
export class ImportError extends Error {
  override name = 'ImportError';
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  const path = first ? v.getDotPath(first) : null;
  return `${path ? `${path}: ` : ''}${first?.message ?? 'invalid'}`;
}

/** Checks the header of a file: ours, and of a version this build can read. */
export function checkHeader(value: unknown): ExportHeader {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportError('This is not a Backstory library export (no "format": "backstory-library").');
  }
  const parsed = v.safeParse(HEADER, value);
  if (!parsed.success) throw new ImportError(`The export's header is damaged: ${describeIssues(parsed.issues)}.`);
  if (parsed.output.version > EXPORT_VERSION) {
    throw new ImportError(
      `This export was made by a newer Backstory (format version ${parsed.output.version}; this one reads up to ` +
        `${EXPORT_VERSION}). Update Backstory, then import it again.`,
    );
  }
  return parsed.output as ExportHeader;
}

/**
 * Validates one record of a section and brings it to the current shape (`version` is the file's). Version 1
 * is the current format; a later format adds its step here (version n → n+1), so every old file still imports.
 * Missing optional lists (tags, names, entityIds) default to empty.
 */
export function upgradeRecord<T extends ExportTable>(
  table: T,
  record: unknown,
  _version: number,
  where: string,
): ExportRecordMap[T] {
  const parsed = v.safeParse(SCHEMAS[table] as v.GenericSchema, record);
  if (!parsed.success) throw new ImportError(`${where}: a damaged ${table} record (${describeIssues(parsed.issues)}).`);
  return parsed.output as ExportRecordMap[T];
}

// ---- Writing ------------------------------------------------------------------------------------------------

/** The first line of the file (an open object: the sections follow). */
export function headerLine(exportedAt: Date, app?: string): string {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString() };
  if (app) header.app = app;
  return `${JSON.stringify(header).slice(0, -1)},\n`;
}

export function sectionStart(table: ExportTable, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(table)}:[\n`;
}

/** One record's line. JSON escapes newlines inside strings, so each record is exactly one line. */
export function recordLine(record: unknown, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(record)}`;
}

export function sectionEnd(): string {
  return '\n]';
}

export function fileEnd(): string {
  return '\n}\n';
}

// ---- Reading ------------------------------------------------------------------------------------------------

export type ExportItem =
  | { kind: 'header'; header: ExportHeader }
  | { [T in ExportTable]: { kind: 'record'; table: T; record: ExportRecordMap[T] } }[ExportTable];

/** Whole-file parsing is the fallback for an export someone reformatted; past this size it is refused. */
export const MAX_REFORMATTED_BYTES = 64 * 1024 * 1024;

/** Splits a stream of text chunks into lines, holding at most one partial line. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let nl = rest.indexOf('\n');
    let from = 0;
    while (nl >= 0) {
      yield rest.slice(from, nl);
      from = nl + 1;
      nl = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  if (rest) yield rest;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError(`${where}: the file is damaged (not valid JSON there). Nothing was imported.`);
  }
}

const SECTION_RE = /^,?\s*"(\w+)"\s*:\s*\[\s*$/;

/**
 * Reads an export from text chunks (a File's stream, decoded) and yields the header, then each record,
 * validated and upgraded. Throws `ImportError` on anything that is not a complete, valid export: a foreign
 * JSON file, a damaged line, a file cut short. Memory holds one line at a time. A file that is valid JSON but
 * not laid out one record per line (reformatted by hand) is parsed whole, up to MAX_REFORMATTED_BYTES.
 */
export async function* readExport(chunks: AsyncIterable<string>): AsyncGenerator<ExportItem> {
  const it = lines(chunks)[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async () => {
    const r = await it.next();
    if (!r.done) lineNo++;
    return r;
  };
  let first = await next();
  while (!first.done && !first.value.trim()) first = await next();
  if (first.done) throw new ImportError('The file is empty.');
  const head = first.value.trim().replace(/^\uFEFF/, '');
  if (!head.startsWith('{')) throw new ImportError('This is not a Backstory library export (not a JSON object).');
  if (!head.endsWith(',') || head === '{') {
    // Not our line layout: read it whole (bounded), as the same format.
    let text = first.value;
    for (let r = await next(); !r.done; r = await next()) {
      text += `\n${r.value}`;
      if (text.length > MAX_REFORMATTED_BYTES) {
        throw new ImportError('This file is not laid out as Backstory writes exports, and too large to read whole.');
      }
    }
    yield* readWhole(parseJson(text, 'The file'));
    return;
  }
  const header = checkHeader(parseJson(`${head.slice(0, -1)}}`, 'line 1'));
  yield { kind: 'header', header };
  const seen = new Set<string>();
  let table: ExportTable | null = null;
  let ended = false;
  for (let r = await next(); !r.done; r = await next()) {
    const line = r.value.trim();
    if (!line) continue;
    const where = `line ${lineNo}`;
    if (ended) throw new ImportError(`${where}: unexpected text after the end of the export.`);
    if (table === null) {
      if (line === '}') {
        ended = true;
        continue;
      }
      const section = SECTION_RE.exec(line)?.[1];
      if (!section || !(EXPORT_TABLES as readonly string[]).includes(section) || seen.has(section)) {
        throw new ImportError(`${where}: unexpected ${section ? `section "${section}"` : 'text'} in the export.`);
      }
      table = section as ExportTable;
      seen.add(section);
      continue;
    }
    if (line === ']' || line === '],') {
      table = null;
      continue;
    }
    const json = line.startsWith(',') ? line.slice(1) : line.endsWith(',') ? line.slice(0, -1) : line;
    const record = upgradeRecord(table, parseJson(json, where), header.version, where);
    yield { kind: 'record', table, record } as ExportItem;
  }
  if (!ended) throw new ImportError('The file ends early: the export is incomplete. Nothing was imported.');
}

/** The same format from a parsed object (an export reformatted by hand). */
function* readWhole(doc: unknown): Generator<ExportItem> {
  const header = checkHeader(doc);
  yield { kind: 'header', header };
  const body = doc as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (key in header || key === 'format' || key === 'version' || key === 'exportedAt' || key === 'app') continue;
    if (!(EXPORT_TABLES as readonly string[]).includes(key)) {
      throw new ImportError(`Unexpected section "${key}" in the export.`);
    }
  }
  for (const table of EXPORT_TABLES) {
    const section = body[table];
    if (section === undefined) continue;
    if (!Array.isArray(section)) throw new ImportError(`The "${table}" section is not a list.`);
    for (let i = 0; i < section.length; i++) {
      const record = upgradeRecord(table, section[i], header.version, `${table}[${i}]`);
      yield { kind: 'record', table, record } as ExportItem;
    }
  }
}
