// A short list kept in the DOM by key, for the first view's two lists (alerts, reading problems):
// Svelte's {#each} runtime was 1.5 KiB of the first load (#11). Items are added and removed one
// by one, never rebuilt, so an alert already shown is not announced again when another arrives.
// Text goes in as text (textContent), never as markup.

export interface Keyed {
  key: string | number;
}

/** Makes `parent`'s children the elements for `items`, in order; `make` builds a missing one. */
export function syncKeyed<T extends Keyed>(
  parent: HTMLElement,
  items: readonly T[],
  make: (item: T) => HTMLElement,
  shown: Map<T['key'], HTMLElement>,
): void {
  const wanted = new Set(items.map((item) => item.key));
  for (const [key, el] of shown) {
    if (wanted.has(key) && el.parentNode === parent) continue;
    el.remove();
    shown.delete(key);
  }
  let before: ChildNode | null = parent.firstChild;
  for (const item of items) {
    let el = shown.get(item.key);
    if (!el) {
      el = make(item);
      shown.set(item.key, el);
    }
    if (el !== before) parent.insertBefore(el, before);
    before = el.nextSibling;
  }
}

/** An element with a class and text. */
export function textElement(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text;
  return el;
}
