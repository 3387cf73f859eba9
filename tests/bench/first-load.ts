// What the built page loads before its first view (#11): the entry script index.html names, its
// modulepreloads, and every chunk they import statically; the rest arrives later by import().
// Shared by `npm run bench` and the e2e budget test, both reading dist/ after `vite build`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A ratchet, not the goal: #11 asks for 50 KiB and the page is at 56.7 KiB after the word-timing
 * view and the browser floor landed (Safari 15.4 lowers every private field to a WeakMap: 2.6 KiB).
 * The test holds what we have so it cannot grow; lower it as code moves out of the first load.
 */
export const FIRST_LOAD_BUDGET = 57 * 1024;
/** What issue #11 asks for, printed by the bench beside the measured figure. */
export const FIRST_LOAD_GOAL = 50 * 1024;

export interface JsSize {
  files: string[];
  /** Gzip bytes (level 9), summed over `files`. */
  gzip: number;
}

const gzipOf = (dist: string, file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Static imports of a built chunk (`import{a}from"./x.js"`, `import"./y.js"`), as dist paths. */
function staticImports(code: string, from: string): string[] {
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  const found = code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g);
  return [...found].map((m) => new URL(m[1]!, `http://x/${dir}`).pathname.slice(1));
}

/** The JavaScript `dist/index.html` loads before anything is imported on demand. */
export function firstLoadJs(dist = 'dist'): JsSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = html.matchAll(
    /<script[^>]*\bsrc="\/?([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g,
  );
  const queue = [...tags].map((m) => (m[1] ?? m[2])!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(readFileSync(join(dist, file), 'utf8'), file));
  }
  const files = [...seen];
  return { files, gzip: files.reduce((n, f) => n + gzipOf(dist, f), 0) };
}

/** Every JavaScript file the build ships. */
export function totalJs(dist = 'dist'): JsSize {
  const files = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return { files, gzip: files.reduce((n, f) => n + gzipOf(dist, f), 0) };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
