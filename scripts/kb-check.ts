/**
 * scripts/kb-check — validates the knowledge base: every entry against the schema, duplicate ids,
 * relation targets, shared names; counts by kind and subtype. Exits 1 when there are errors.
 * The last line printed is one JSON object with the counts.
 *
 *   npx tsx scripts/kb-check.ts              checks the sources (data/ + npm data packages), built in memory
 *   npx tsx scripts/kb-check.ts --artifact   checks the built public/kb/kb.json.gz instead
 *   --issues N                               prints at most N issues (default 40)
 */

import { existsSync } from 'node:fs';
import { decodeKb } from '../lib/kb/artifact';
import { validateKb } from '../lib/kb/validate';
import { buildEntries } from './build-kb';
import { KB_FILE, readKbJson } from './lib/kb-files';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const useArtifact = process.argv.includes('--artifact');
  const maxIssues = Number(argValue('--issues') ?? 40);
  const t0 = performance.now();
  let entries: unknown[];
  let origins: Map<string, string> | undefined;
  let version: string | undefined;
  if (useArtifact) {
    const path = KB_FILE;
    if (!existsSync(path)) throw new Error(`${path} does not exist: run npm run kb:build first`);
    const json: unknown = JSON.parse(readKbJson(path));
    version = (json as { version?: string }).version;
    entries = decodeKb(json);
  } else {
    const result = buildEntries();
    entries = result.entries;
    origins = result.origins;
  }
  const report = validateKb(entries, { origins });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);

  console.log(`kb:check ${useArtifact ? `artifact ${version ?? ''}` : 'sources'} (${seconds} s)`);
  console.log(
    `entries: ${report.counts.places} places, ${report.counts.people} people, ${report.counts.organizations} organizations`,
  );
  const subtypes = Object.entries(report.bySubtype).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`by subtype: ${subtypes.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(
    `shared names: ${report.collisions.keys} folded names belong to 2+ entries; ` +
      `${report.collisions.actorPlace} are shared by an actor and a place`,
  );
  console.log(`  most shared: ${report.collisions.top.map((c) => `"${c.key}" ×${c.count}`).join(', ')}`);
  if (report.collisions.actorPlaceTop.length > 0) {
    console.log(
      `  actor/place: ${report.collisions.actorPlaceTop.map((c) => `"${c.key}" (${c.ids.join(' ')})`).join(', ')}`,
    );
  }
  const cov = report.coverage;
  console.log(
    `coverage: countries with capital, population, leaders and description ${cov.countriesComplete} / ${cov.countries} ` +
      `(UN members with leaders ${cov.unMembersWithLeaders} / ${cov.unMembers}); ` +
      `places with a description or a where-line ${cov.placesWithDescription} / ${cov.places}; ` +
      `actors ${cov.actors} (${cov.people} people), with 3+ dated facts ${cov.actorsWithThreeFacts}, with a QID ${cov.actorsWithQid}; ` +
      `relations resolved ${cov.relationsResolved} / ${cov.relations}, both ways ${cov.twoWayResolved} / ${cov.twoWay}; profile links resolved ${cov.profileLinksResolved} / ${cov.profileLinks}`,
  );
  const rank = { error: 0, warning: 1, note: 2 } as const;
  const byLevel = report.issues.filter((i) => i.level !== 'note').sort((a, b) => rank[a.level] - rank[b.level]);
  for (const issue of byLevel.slice(0, maxIssues)) {
    console.log(`${issue.level}: ${issue.id}${issue.origin ? ` (${issue.origin})` : ''}: ${issue.message}`);
  }
  if (byLevel.length > maxIssues) console.log(`… and ${byLevel.length - maxIssues} more errors and warnings`);
  if (report.notes > 0) console.log(`notes: ${report.notes} aliases fold to their entry's name or another alias`);
  const summary = {
    ...report.counts,
    errors: report.errors,
    warnings: report.warnings,
    redundantAliases: report.notes,
    duplicateIds: report.duplicateIds.length,
    sharedNames: report.collisions.keys,
    actorPlaceSharedNames: report.collisions.actorPlace,
    coverage: report.coverage,
    checked: useArtifact ? 'artifact' : 'sources',
    ...(version ? { version } : {}),
  };
  console.log(JSON.stringify(summary));
  return report.errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`kb:check: ${(err as Error).message}`);
  console.log(
    JSON.stringify({ places: 0, people: 0, organizations: 0, errors: 1, warnings: 0, fatal: (err as Error).message }),
  );
  process.exitCode = 1;
}
