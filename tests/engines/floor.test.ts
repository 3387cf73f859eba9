// The built app holds to the oldest supported browsers (src/build/browsers.ts, README "Browsers"), #13: one
// regex lookbehind blanked the page in Safari before 16.4, and AbortSignal.any (Safari 17.4) broke
// every feed load there. Parsed, not grepped: regex literals and static blocks are syntax nodes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Node } from 'acorn';
import { describe, expect, test } from 'vitest';
import { classFieldValues, fieldIsSafe, isWrapped } from '../../src/build/class-fields.ts';

const ASSETS = 'dist/assets';
const bundles = readdirSync(ASSETS)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: f, code: readFileSync(join(ASSETS, f), 'utf8') }));

/** Syntax newer than Safari 15.4 / Firefox 115 / Chrome 109 that ES2022 parsing still accepts. */
function tooNew(node: Node & Record<string, unknown>): string | null {
  if (node.type === 'StaticBlock') return 'a class static block (Safari 16.4)';
  const regex = node['regex'] as { pattern: string; flags: string } | undefined;
  if (regex) {
    if (/\(\?<[=!]/.test(regex.pattern))
      return `a regex lookbehind (Safari 16.4): /${regex.pattern}/`;
    if (regex.flags.includes('v')) return `a regex v flag (Safari 17): /${regex.pattern}/`;
  }
  // new RegExp('…(?<=…') built from a string is the same lookbehind, only later.
  if (
    (node.type === 'NewExpression' || node.type === 'CallExpression') &&
    (node['callee'] as Record<string, unknown>)['name'] === 'RegExp'
  ) {
    // The build turns a regex literal the floor cannot parse into new RegExp(`…`): same failure, later.
    const first = (node['arguments'] as Array<Record<string, unknown>>)[0];
    const quasis = first?.['quasis'] as Array<{ value: { cooked: string } }> | undefined;
    const text = typeof first?.['value'] === 'string' ? first['value'] : quasis?.[0]?.value.cooked;
    if (text && /\(\?<[=!]/.test(text)) return `a RegExp lookbehind (Safari 16.4): ${text}`;
  }
  return null;
}

function walk(node: unknown, found: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, found);
    return;
  }
  const record = node as Node & Record<string, unknown>;
  if (typeof record.type === 'string') {
    const problem = tooNew(record);
    if (problem) found.push(problem);
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'regex' && value && typeof value === 'object') walk(value, found);
  }
}

/** APIs newer than the floor, named as called. Each needs a fallback, not a call in the bundle. */
const NEW_APIS: Array<[RegExp, string]> = [
  [/\bAbortSignal\.any\b/, 'AbortSignal.any (Safari 17.4, Firefox 124, Chrome 116)'],
  [/\bAbortSignal\.timeout\b/, 'AbortSignal.timeout (Safari 16)'],
  [/\bPromise\.withResolvers\b/, 'Promise.withResolvers (Safari 17.4)'],
  [/\b(Object|Map)\.groupBy\b/, 'Object.groupBy (Safari 17.4)'],
  [/\bArray\.fromAsync\b/, 'Array.fromAsync (Safari 16.4)'],
  [/\.(toSorted|toReversed|toSpliced)\(/, 'change-array-by-copy methods (Safari 16, Firefox 115)'],
];

describe('dist holds to the oldest supported browsers', () => {
  test('the bundle exists', () => {
    expect(bundles.length).toBeGreaterThan(0);
  });
  for (const { file, code } of bundles) {
    test(`${file} parses as ES2022 with no syntax newer than the floor`, () => {
      const ast = parse(code, { ecmaVersion: 2022, sourceType: 'module' });
      const found: string[] = [];
      walk(ast, found);
      expect(found).toEqual([]);
    });
    test(`${file} leaves no class field open to Safari 15's initializer bug`, () => {
      // https://webkit.org/b/236843: the build targets Safari 16 for class fields and wraps each
      // initializer in a function instead (class-fields.ts, #11).
      const ast = parse(code, { ecmaVersion: 2022, sourceType: 'module' });
      const bare = classFieldValues(ast)
        .filter((value) => !fieldIsSafe(value) && !isWrapped(value))
        .map((value) => code.slice(value.start, Math.min(value.end, value.start + 60)));
      expect(bare).toEqual([]);
    });
    test(`${file} calls no API newer than the floor`, () => {
      const used = NEW_APIS.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
      expect(used).toEqual([]);
    });
  }
});
