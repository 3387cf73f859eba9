// parseVtt throughput on a synthetic 3-hour transcript. Prints figures; asserts nothing.
// Run: npx tsx tests/bench/vtt-throughput.ts
import { parseVtt } from '../../src/core/transcript/vtt.ts';
import { cuesToTurns } from '../../src/core/transcript/turns.ts';
import { synthVtt } from './synth.ts';

const text = synthVtt({ cues: 4000, speakers: 3, seed: 7 });
const bytes = new TextEncoder().encode(text).length;
const runs = 20;

// Warm up so the JIT has compiled the hot loops before timing.
for (let k = 0; k < 5; k++) parseVtt(text);

let cues = 0;
const t0 = performance.now();
for (let k = 0; k < runs; k++) cues = parseVtt(text).value.length;
const ms = (performance.now() - t0) / runs;

const t1 = performance.now();
let turns = 0;
for (let k = 0; k < runs; k++) turns = cuesToTurns(parseVtt(text).value).length;
const msTurns = (performance.now() - t1) / runs;

const mb = bytes / 1e6;
console.log(`synthetic VTT: ${(bytes / 1024).toFixed(0)} KiB, ${cues} cues, ${turns} turns`);
console.log(
  `parseVtt: ${ms.toFixed(2)} ms/parse, ${(mb / (ms / 1000)).toFixed(1)} MB/s (${runs} runs)`,
);
console.log(
  `parseVtt + cuesToTurns: ${msTurns.toFixed(2)} ms, ${(mb / (msTurns / 1000)).toFixed(1)} MB/s`,
);
