// The seed article's scores must stay at their targets: runs score-seed.mjs on annotate's output,
// with the knowledge base the extension ships (built by `npm run kb:build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { annotate } from '../../scripts/lib/annotate';
import { KB_FILE, loadNameIndex } from '../../scripts/lib/kb-files';

const SEED = resolve(import.meta.dirname, '../../../shared/eval/seed');

describe.skipIf(!existsSync(SEED))('seed article regression', () => {
  test('recall 1.00, linked 1.00 and precision at least 0.95 with the shipped knowledge base', () => {
    expect(existsSync(KB_FILE) || loadNameIndex()).toBeTruthy();
    const text = readFileSync(join(SEED, 'article.txt'), 'utf8');
    const pred = join(mkdtempSync(join(tmpdir(), 'seed-')), 'pred.json');
    writeFileSync(pred, JSON.stringify({ entities: annotate(text, loadNameIndex()) }));
    const run = spawnSync('node', [join(SEED, 'score-seed.mjs'), pred], { encoding: 'utf8' });
    const scores = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
    expect(scores.recall).toBe(1);
    expect(scores.linked).toBe(1);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
