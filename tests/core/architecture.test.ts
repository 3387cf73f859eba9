// Layers point down only (ARCHITECTURE.md): core is pure, only the adapter imports howler,
// components neither fetch nor touch howler.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
const read = (file: string) => readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
const imports = (source: string) =>
  [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('architecture', () => {
  test('src/core imports no svelte, howler, node: module or DOM global', () => {
    const offenders: string[] = [];
    for (const file of files('src/core')) {
      const source = read(file);
      for (const spec of imports(source)) {
        if (
          /^(svelte|howler|node:)/.test(spec ?? '') ||
          spec?.includes('/state/') ||
          spec?.includes('/ui/')
        ) {
          offenders.push(`${file} imports ${spec}`);
        }
      }
      const code = source.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
      const global =
        /(?<![.\w$])(document|window|localStorage|sessionStorage|navigator|DOMParser|fetch)\s*[.(]/.exec(
          code,
        );
      if (global) offenders.push(`${file} uses ${global[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  test('only the howler adapter imports howler; components do not fetch', () => {
    const offenders: string[] = [];
    for (const file of files('src')) {
      const source = read(file);
      if (imports(source).includes('howler') && !file.endsWith('howler-engine.ts'))
        offenders.push(`${file} imports howler`);
      if (file.startsWith(join('src', 'ui')) && /\bfetch\s*\(/.test(source))
        offenders.push(`${file} fetches`);
    }
    expect(offenders).toEqual([]);
  });

  test('core feature folders import only text/ and the top, never each other (#11)', () => {
    const offenders: string[] = [];
    for (const file of files('src/core')) {
      const parts = file.split(/[\\/]/);
      if (parts.length < 4) continue; // src/core/<file>: the top may use any folder
      const feature = parts[2];
      if (feature === 'text') continue;
      for (const spec of imports(read(file))) {
        if (!spec?.startsWith('.')) continue;
        const target = join(file, '..', spec).split(/[\\/]/);
        const folder = target.length >= 4 ? target[2] : undefined;
        if (folder && folder !== feature && folder !== 'text')
          offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the top of core imports no feature folder but text/', () => {
    const offenders = files('src/core')
      .filter((file) => file.split(/[\\/]/).length === 3)
      .flatMap((file) =>
        imports(read(file))
          .filter((spec) => /^\.\/(?!text\/)[\w-]+\//.test(spec ?? ''))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  test('source files stay small', () => {
    const big = files('src')
      .filter((file) => /\.(ts|svelte)$/.test(file))
      .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(big).toEqual([]);
  });
});
