// `npm run --silent annotate -- FILE`: the places and actors in a plain-text file, as one JSON object
// {"entities":[{start,end,kind,id,name,lat,lon}]} (offsets are JavaScript string indices).
// `--jsonl FILE` reads lines {id,text} and writes lines {id,entities:[…]} with `type` PER/LOC/ORG too.
import { readFileSync } from 'node:fs';
import { annotate } from './lib/annotate';
import { loadNameIndex } from './lib/kb-files';

function main(args: string[]): void {
  const jsonl = args.includes('--jsonl');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run --silent annotate -- [--jsonl] FILE\n');
    process.exit(2);
  }
  let input: string;
  try {
    input = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`annotate: cannot read ${file}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const index = loadNameIndex();
  if (!jsonl) {
    process.stdout.write(`${JSON.stringify({ entities: annotate(input, index) })}\n`);
    return;
  }
  const out: string[] = [];
  input.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line);
    } catch {
      process.stderr.write(`annotate: line ${n + 1} is not JSON; skipped\n`);
      return;
    }
    if (typeof doc.text !== 'string') {
      process.stderr.write(`annotate: line ${n + 1} has no text; skipped\n`);
      return;
    }
    out.push(JSON.stringify({ id: doc.id, entities: annotate(doc.text, index, true) }));
  });
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2));
