/** Loading the built knowledge base from disk for the command-line tools (annotate, eval, bench). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KB_FILE_NAME } from '../../lib/kb/artifact';
import { type KbContents, kbContentsOf, nameIndexFrom } from '../../lib/kb/load-index';
import type { NameIndex } from '../../lib/kb/name-index';
import type { KbEntry } from '../../lib/kb/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const KB_FILE = join(ROOT, 'public/kb', KB_FILE_NAME);

/** The artifact's JSON text, unzipped. */
export function readKbJson(path: string = KB_FILE): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}

/** The shipped entries, building the knowledge base first if it has not been built. */
export function loadKbEntries(): KbEntry[] {
  return loadKbContents().entries;
}

/** The shipped entries and everyday words, building the knowledge base first if it has not been built. */
export function loadKbContents(): KbContents {
  if (!existsSync(KB_FILE)) {
    process.stderr.write('Building the knowledge base first (npm run kb:build)…\n');
    const built = spawnSync('npx', ['tsx', join(ROOT, 'scripts/build-kb.ts')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: ROOT,
    });
    if (built.status !== 0) throw new Error('npm run kb:build failed');
  }
  return kbContentsOf(JSON.parse(readKbJson()));
}

/** The name index over the shipped entries, as the background builds it. */
export function loadNameIndex(): NameIndex {
  return nameIndexFrom(loadKbContents());
}
