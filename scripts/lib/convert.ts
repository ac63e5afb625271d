/** What the scripts/convert-*.ts converters share: their --source argument and how they write data/. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './kb-files';

/** The value after `name` on the command line; a clear error naming `what` when it is missing. */
export function requiredArg(name: string, what: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`${name} is required: ${what}`);
  return value;
}

/** Writes a converted source as JSON (one space of indent, a final newline); returns its path from the root. */
export function writeConverted(path: string, data: unknown): string {
  writeFileSync(path, `${JSON.stringify(data, null, 1)}\n`);
  return relative(ROOT, path);
}
