import { readFileSync } from 'node:fs';
import { linesToCues } from '../../src/core/timed-transcript.ts';
const lines = JSON.parse(readFileSync('/tmp/lines.json', 'utf8')) as string[];
for (let k = 0; k < 5; k++) linesToCues(lines, { duration: 10800, where: 'x' });
const t = performance.now();
for (let k = 0; k < 20; k++) linesToCues(lines, { duration: 10800, where: 'x' });
console.log('cues', (performance.now() - t) / 20, 'bytes', lines.join('\n').length);
