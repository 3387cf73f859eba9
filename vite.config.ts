import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { verbatimProxy } from './src/server/vite-plugin.ts';
import { BUILD_TARGET } from './src/build/browsers.ts';
import { safari15ClassFields } from './src/build/class-fields.ts';

/**
 * What App asks for right after the first view (first-view.ts), not on a listener's action: the
 * player's extras, the seek bar's marks, the Quote button and click-to-seek, the pills above the
 * transcript, the search field, the panel openers, the episode's picture, toasts, the lock-screen
 * controls, saved quotes and the finer units. Not the side column (a big feed asks for it before
 * the first view) nor the listener's own transcript (awaited before it when there is one).
 */
const AFTER_FIRST_VIEW = new RegExp(
  `/src/(${[
    'ui/(PlayerExtras|SeekMarks|PanelOpeners|SearchBar|Toast|EpisodeArt|MediaSession)\\.svelte',
    'ui/(sheet|media-session)\\.svelte\\.ts',
    'ui/transcript/(QuotePopover|TranscriptEnd|TimingControls|ReadingMenu|AlignProgress)\\.svelte',
    'ui/transcript/click\\.ts',
    'state/quotes\\.svelte\\.ts',
    'core/(fine-units|text/sentences)\\.ts',
  ].join('|')})(\\?.*)?$`,
);

/**
 * Svelte's list, HTML and `<select>` blocks and `$state.snapshot`: only declarations (so marked
 * side-effect free) and a chunk of their own, out of the first load (#11).
 */
const SVELTE_BLOCKS =
  /svelte[\\/]src[\\/]internal[\\/](client[\\/]dom[\\/](blocks[\\/](each|html)|elements[\\/]bindings[\\/]select)|shared[\\/]clone)\.js$/;

export default defineConfig({
  root: 'src',
  publicDir: '../static',
  // discloseVersion: no window.__svelte registry in the first load (#11).
  plugins: [
    svelte({ compilerOptions: { discloseVersion: false } }),
    verbatimProxy(),
    safari15ClassFields(),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: BUILD_TARGET,
    // Browsers without modulepreload (Safari before 17) just fetch modules when imported; the
    // polyfill was first-load weight (#11).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id: string) => !SVELTE_BLOCKS.test(id),
      },
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            // Everything the first view imports statically in one chunk: split in two (the app and
            // Svelte's runtime, which rolldown does once a group exists) the chunks' import and
            // export lists of each other's names cost ~0.8 KiB gzip of the first load (#11).
            { name: 'index', tags: ['$initial'], priority: 3 },
            // The parts the page asks for together once the first view is painted (#11), in one
            // file: one request instead of ~20, and a shorter list of files in the first load.
            { name: 'after-first-view', test: AFTER_FIRST_VIEW, priority: 1 },
            {
              priority: 2,
              name: 'svelte-blocks',
              test: SVELTE_BLOCKS,
            },
          ],
        },
      },
    },
  },
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
  preview: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
  test: {
    root: '.',
    // Every core for the unit files (Vitest's default leaves one idle: 1 worker on this 2-core
    // machine, 98 s -> 66 s); the e2e files still run one at a time, after them.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: [
            'tests/core/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/state/**/*.test.ts',
            'tests/ui/**/*.test.ts',
            'tests/audio/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts', 'tests/engines/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/engines/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
