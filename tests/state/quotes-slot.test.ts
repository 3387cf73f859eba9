// Saved quotes load after the first view (#11): one load however often asked for, a failed load
// tried again, and a change from another tab before they are loaded is not an error.
import { describe, expect, test, vi } from 'vitest';
import { QuotesSlot } from '../../src/state/quotes-slot.svelte.ts';
import type { Quotes } from '../../src/state/quotes.svelte.ts';

describe('QuotesSlot', () => {
  test('loads once; value is set when loaded', async () => {
    const quotes = { onStorage: vi.fn() } as unknown as Quotes;
    const load = vi.fn(async () => quotes);
    const slot = new QuotesSlot(load);
    expect(slot.value).toBeNull();
    slot.onStorage({ key: 'verbatim:quote:x', newValue: null }); // nothing to merge into yet
    const [a, b] = await Promise.all([slot.ready(), slot.ready()]);
    expect(a).toBe(quotes);
    expect(b).toBe(quotes);
    expect(load).toHaveBeenCalledTimes(1);
    expect(slot.value).toBe(quotes);
    slot.onStorage({ key: 'verbatim:quote:x', newValue: null });
    expect(quotes.onStorage).toHaveBeenCalledTimes(1);
  });

  test('a failed load is tried again on the next call', async () => {
    const quotes = {} as Quotes;
    const load = vi
      .fn<() => Promise<Quotes>>()
      .mockRejectedValueOnce(new Error('chunk'))
      .mockResolvedValueOnce(quotes);
    const slot = new QuotesSlot(load);
    await expect(slot.ready()).rejects.toThrow('chunk');
    expect(slot.value).toBeNull();
    expect(await slot.ready()).toBe(quotes);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
