// `npm run --silent kb:lookup -- "NAME"`: one JSON object, the entry the linker would choose for NAME alone
// (or {"found": false}), with what the panel shows. `--jsonl` reads lines {"id", "name"} on standard input and
// writes one line {"id", "entry"} each, in order (entry null when not found).
import { inverseRelations, lookupName } from '../lib/kb/lookup';
import { loadNameIndex } from './lib/kb-files';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(args: string[]): Promise<void> {
  const jsonl = args.includes('--jsonl');
  const name = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!jsonl && !name.trim()) {
    process.stderr.write('usage: npm run --silent kb:lookup -- "NAME"   or   … kb:lookup -- --jsonl < names.jsonl\n');
    process.exit(2);
  }
  const index = loadNameIndex();
  const inverse = inverseRelations(index);
  if (!jsonl) {
    process.stdout.write(`${JSON.stringify(lookupName(name, index, inverse))}\n`);
    return;
  }
  const lines = (await readStdin()).split('\n');
  const out: string[] = [];
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    let request: { id?: unknown; name?: unknown };
    try {
      request = JSON.parse(line);
    } catch {
      process.stderr.write(`kb:lookup: line ${n + 1} is not JSON; answered null\n`);
      out.push(JSON.stringify({ id: null, entry: null }));
      return;
    }
    const found = typeof request.name === 'string' ? lookupName(request.name, index, inverse) : { found: false };
    out.push(JSON.stringify({ id: request.id ?? null, entry: found.found ? found : null }));
  });
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`kb:lookup: ${(error as Error).message}\n`);
  process.exit(1);
});
