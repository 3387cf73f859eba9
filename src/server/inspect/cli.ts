// `npm run inspect -- <file or URL>… [--episode <guid>]` (#15): one JSON document per input,
// one per line, in order. Exit 1 when any input could not be read at all.
import { inspectInput } from './inspect.ts';

const USAGE = 'Usage: npm run inspect -- <file or URL>… [--episode <guid>]';

function parseArgs(argv: string[]): { inputs: string[]; episode?: string } | string {
  const inputs: string[] = [];
  let episode: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--episode') {
      const value = argv[++i];
      if (value === undefined) return '--episode needs a guid.';
      episode = value;
    } else if (arg.startsWith('--episode=')) episode = arg.slice('--episode='.length);
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg === '--') continue;
    else inputs.push(arg);
  }
  if (inputs.length === 0) return `Say which file or URL to inspect. ${USAGE}`;
  return episode === undefined ? { inputs } : { inputs, episode };
}

/** `en_GB.UTF-8` → `en`; the page uses the browser's language the same way. */
const language = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(process.env.LANG ?? '')?.[1] ?? 'en';

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
let failed = false;
for (const input of args.inputs) {
  const doc = await inspectInput(input, { episode: args.episode, language });
  if (doc.kind === 'error') failed = true;
  process.stdout.write(`${JSON.stringify(doc)}\n`);
}
process.exitCode = failed ? 1 : 0;
