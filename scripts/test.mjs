// `npm test`: type-check and lint, unit tests, fresh Chrome and Firefox builds, then the end-to-end tests in real
// Chromium.
// Ends with one plain line "N passed, N failed" counting every check and test together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const artifacts = 'test-artifacts';
mkdirSync(artifacts, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(`== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) passed++;
  else failed++;
}

function vitest(label, config, report) {
  rmSync(report, { force: true });
  run(label, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    console.log(`== ${label}: no report written; counted as one failure`);
    failed++;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails to load has no failed tests but still failed.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += broken;
}

const started = Date.now();
step('type-check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['biome', 'check', '.']);
vitest('unit tests', 'vitest.config.ts', join(artifacts, 'unit.json'));
if (run('build', 'npm', ['run', '--silent', 'build'])) {
  passed++;
  // The Firefox build (MV2, sidebar) reuses the knowledge base just built; tests/e2e/firefox-build.e2e.ts checks it.
  step('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
  vitest('end-to-end tests', 'vitest.e2e.config.ts', join(artifacts, 'e2e.json'));
} else {
  failed++;
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
