// Robustness figures for the bench: runs the hostile-input, malformed-input and audio-fault suites
// and reads their own counts (payloads tried / executed, inputs tried / uncaught, faults recovered).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface VitestJson {
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string }> }>;
}

export function robustnessFigures(): Array<[string, string]> {
  const out = 'test-results/bench-robustness.json';
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      'tests/core/malformed.test.ts',
      'tests/e2e/hostile.test.ts',
      'tests/e2e/faults.test.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const text = `${run.stdout}\n${run.stderr}`;
  const line = (prefix: string) =>
    text
      .split('\n')
      .find((l) => l.includes(prefix))
      ?.replace(/\x1b\[[0-9;]*m/g, '')
      .trim() ?? `${prefix} (not printed)`;
  const figures: Array<[string, string]> = [
    ['Hostile payloads (real Chromium)', line('hostile:').replace(/^.*hostile:\s*/, '')],
    ['Malformed inputs', line('malformed:').replace(/^.*malformed:\s*/, '')],
  ];
  try {
    const json = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    const faults =
      json.testResults.find((r) => r.name.endsWith('faults.test.ts'))?.assertionResults ?? [];
    const passed = faults.filter((f) => f.status === 'passed').length;
    figures.push([
      'Audio faults injected (fail once, cut mid-stream, stall, no Range, gone)',
      `${faults.length} injected, ${passed} handled as designed (3 recover and play; a stall shows buffering then reconnects; a missing file ends in a plain error with Retry)`,
    ]);
  } catch {
    figures.push(['Audio faults', 'the suite did not report']);
  }
  return figures;
}
