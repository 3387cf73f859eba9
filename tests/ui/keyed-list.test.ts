// @vitest-environment jsdom
// The first view's short lists without {#each} (#11): kept by key, so an alert already shown is
// the same element (not announced again) when another arrives; text goes in as text.
import { describe, expect, test } from 'vitest';
import { syncKeyed, textElement } from '../../src/ui/keyed-list.ts';

type Item = { key: number; text: string };
const make = ({ text }: Item) => textElement('p', 'line', text);

describe('syncKeyed', () => {
  test('adds, keeps, removes and reorders by key, never rebuilding a kept element', () => {
    const parent = document.createElement('div');
    const shown = new Map<number, HTMLElement>();
    syncKeyed(parent, [{ key: 1, text: 'one' }], make, shown);
    const one = parent.firstElementChild;
    syncKeyed(
      parent,
      [
        { key: 1, text: 'one' },
        { key: 2, text: 'two' },
      ],
      make,
      shown,
    );
    expect(parent.firstElementChild).toBe(one);
    expect([...parent.children].map((el) => el.textContent)).toEqual(['one', 'two']);
    syncKeyed(
      parent,
      [
        { key: 2, text: 'two' },
        { key: 1, text: 'one' },
      ],
      make,
      shown,
    );
    expect([...parent.children].map((el) => el.textContent)).toEqual(['two', 'one']);
    expect(parent.lastElementChild).toBe(one);
    syncKeyed(parent, [{ key: 2, text: 'two' }], make, shown);
    expect([...parent.children].map((el) => el.textContent)).toEqual(['two']);
    expect(shown.has(1)).toBe(false);
  });

  test('a new parent (the list shown again) gets new elements', () => {
    const shown = new Map<number, HTMLElement>();
    const first = document.createElement('div');
    syncKeyed(first, [{ key: 1, text: 'one' }], make, shown);
    const second = document.createElement('div');
    syncKeyed(second, [{ key: 1, text: 'one' }], make, shown);
    expect(second.children).toHaveLength(1);
    expect(first.children).toHaveLength(0);
  });

  test('markup in the text stays text', () => {
    const el = textElement('p', '', '<img src=x onerror="alert(1)">');
    expect(el.children).toHaveLength(0);
    expect(el.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
