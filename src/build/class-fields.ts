// Safari 15 (the floor is 15.4, browsers.ts) can throw a ReferenceError from a class field
// initializer that names a variable of an enclosing scope inside parentheses, as every Svelte
// `$state` field does (`#x = $.state(…)`): https://webkit.org/b/236843, fixed in Safari 16.
// Lowering every class field for it turned each private field into a WeakMap: 2.5 KiB of gzip on
// the first load (#11). Instead the build targets Safari 16 for class fields and wraps each
// initializer that could be affected in an arrow function called at once, so its names resolve
// inside a function, which Safari 15 gets right (Babel's bugfix-safari-class-field-initializer-scope
// does the same). tests/engines/floor.test.ts checks the shipped files for any field left bare.
import { parse } from 'acorn';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

type AnyNode = { type: string; start: number; end: number } & Record<string, unknown>;

/** Initializers the bug cannot touch: literals, `this`, empty arrays and objects, `-1`, `void 0`. */
export function fieldIsSafe(value: AnyNode): boolean {
  switch (value.type) {
    case 'Literal':
    case 'ThisExpression':
      return true;
    case 'TemplateLiteral':
      return (value['expressions'] as unknown[]).length === 0;
    case 'ArrayExpression':
      return (value['elements'] as unknown[]).length === 0;
    case 'ObjectExpression':
      return (value['properties'] as unknown[]).length === 0;
    case 'UnaryExpression':
      return fieldIsSafe(value['argument'] as AnyNode);
    default:
      return false;
  }
}

/** Every class field (`PropertyDefinition`) with an initializer, in source order. */
export function classFieldValues(node: unknown, out: AnyNode[] = []): AnyNode[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const child of node) classFieldValues(child, out);
    return out;
  }
  const record = node as AnyNode;
  if (record.type === 'PropertyDefinition' && record['value']) out.push(record['value'] as AnyNode);
  for (const [key, value] of Object.entries(record))
    if (key !== 'regex' && value && typeof value === 'object') classFieldValues(value, out);
  return out;
}

/** An initializer as wrapped here: an arrow function called at once with no arguments. */
export function isWrapped(value: AnyNode): boolean {
  const callee = value['callee'] as AnyNode | undefined;
  return (
    value.type === 'CallExpression' &&
    callee?.type === 'ArrowFunctionExpression' &&
    (value['arguments'] as unknown[]).length === 0
  );
}

/** `code` with each affected class field initializer wrapped as `(()=>(…))()`; null if none. */
export function wrapClassFields(code: string): string | null {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const s = new MagicString(code);
  let wrapped = 0;
  for (const value of classFieldValues(ast)) {
    if (fieldIsSafe(value)) continue;
    s.appendLeft(value.start, '(()=>(');
    s.appendRight(value.end, '))()');
    wrapped++;
  }
  return wrapped > 0 ? s.toString() : null;
}

/** The build step: after minifying, so no later pass can unwrap the calls. */
export function safari15ClassFields(): Plugin {
  return {
    name: 'verbatim-safari15-class-fields',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const code = wrapClassFields(chunk.code);
        if (code !== null) chunk.code = code;
      }
    },
  };
}
