// How the transcript reads (#14): text size, line width and serif or sans, chosen in a small menu
// and kept across visits (long episodes are read for an hour at a time).
import type { Store } from './storage.ts';

export const SIZES = { small: 0.9, medium: 1, large: 1.15, 'extra large': 1.32 } as const;
export const WIDTHS = { narrow: '32em', medium: '40em', wide: 'none' } as const;
export const FONTS = ['serif', 'sans'] as const;

export interface Look {
  size: keyof typeof SIZES;
  width: keyof typeof WIDTHS;
  font: (typeof FONTS)[number];
}

const KEY = 'reading-look';
const DEFAULT: Look = { size: 'medium', width: 'wide', font: 'serif' };

function isLook(v: unknown): v is Look {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    typeof l['size'] === 'string' &&
    l['size'] in SIZES &&
    typeof l['width'] === 'string' &&
    l['width'] in WIDTHS &&
    FONTS.includes(l['font'] as Look['font'])
  );
}

export class ReadingLook {
  /** The reader's choice, or the default. */
  look = $state<Look>(DEFAULT);
  readonly #store: Store | null;

  constructor(store: Store | null = null) {
    this.#store = store;
    this.look = store?.read(KEY, isLook) ?? DEFAULT;
  }
  /** The text size as a factor of the normal one. */
  get scale(): number {
    return SIZES[this.look.size];
  }
  /** The longest line, as a CSS length (`none`: the column's width). */
  get measure(): string {
    return WIDTHS[this.look.width];
  }
  set(change: Partial<Look>): void {
    this.look = { ...this.look, ...change };
    this.#store?.write(KEY, this.look);
  }
}
