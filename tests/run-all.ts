// `npm test`: type-check, build, then every Vitest project (unit + real-browser e2e);
// ends with the line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
/** Written by tests/engines/global-setup.ts: which engine suites could not run here, and why. */
const skippedFile = 'test-results/engines-skipped.txt';

// A fresh machine may lack Debian's browsers (browser downloads don't work here): install them as
// root. Firefox and WebKitGTK also need an X server and PulseAudio for their smoke suites (#13).
const PACKAGES: Array<[string, string]> = [
  ['chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  ['firefox-esr', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
  ['webkit2gtk-driver', process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'],
  ['xvfb', '/usr/bin/Xvfb'],
  ['pulseaudio', '/usr/bin/pulseaudio'],
];
const missing = PACKAGES.filter(([, path]) => !existsSync(path)).map(([name]) => name);
if (missing.length > 0 && process.getuid?.() === 0) {
  console.log(`▶ installing ${missing.join(', ')} (apt-get install)`);
  spawnSync(
    'sh',
    [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    ],
    { stdio: 'inherit' },
  );
} else if (missing.length > 0) {
  console.log(`⚠ not root, so not installing ${missing.join(', ')}: their suites will be skipped`);
}
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
rmSync(skippedFile, { force: true });

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
const step = (ok: boolean) => (ok ? passed++ : failed++);

step(
  run('svelte-check (types)', 'npx', [
    'svelte-check',
    '--tsconfig',
    './tsconfig.json',
    '--fail-on-warnings',
    '--output',
    'human',
  ]),
);
// #11: unformatted files fail the run (Prettier's config is in package.json).
step(run('prettier --check', 'npx', ['prettier', '--check', '.']));
const built = run('vite build', 'npx', ['vite', 'build']);
step(built);
if (built) {
  run('vitest (unit + e2e)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTestSuites: number;
      testResults: Array<{ status: string; assertionResults: unknown[] }>;
    };
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    // A test file that failed to load has no assertion results: count it as one failure.
    failed += result.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    ).length;
  } else {
    failed++;
  }
}
// Say plainly what did not run (an engine that cannot start here is skipped, not failed).
const skipped = existsSync(skippedFile) ? readFileSync(skippedFile, 'utf8').trim() : '';
if (skipped) console.log(`\n${skipped}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
