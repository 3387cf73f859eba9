// A body read as it arrives (#15): the fetcher hands over the start of a big body once, while the
// rest is still coming, cut where no character is split; the whole text is the same as before.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fetchText, type BodyWatch } from '../../src/state/fetcher.ts';

const enc = new TextEncoder();

/** A response whose body arrives in `chunks`, the next only after `gate` resolves for it. */
function serve(chunks: Uint8Array[], headers: Record<string, string>, gates: Promise<void>[] = []) {
  vi.stubGlobal('fetch', async () => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (i >= chunks.length) return controller.close();
        await gates[i];
        controller.enqueue(chunks[i++]!);
      },
    });
    return new Response(body, { headers });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchText with a BodyWatch', () => {
  const head = '<?xml version="1.0"?><rss><channel><title>Caf';
  // "é" is two bytes in UTF-8: the first chunk ends between them.
  const bytes = enc.encode(`${head}é</title><item>1</item><item>2</item></channel></rss>`);
  const split = enc.encode(head).length + 1;
  const chunks = [bytes.slice(0, split), bytes.slice(split)];

  test('the start once, while more is to come, cut before its last "<"; then the whole text', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    serve(chunks, { 'content-type': 'application/rss+xml' }, [Promise.resolve(), gate]);
    const seen: Array<[string, string]> = [];
    const lengths: Array<number | null> = [];
    const watch: BodyWatch = {
      prefixAt: (length) => (lengths.push(length), split),
      prefix: (text, finalUrl) => void seen.push([text, finalUrl]),
    };
    const fetching = fetchText('https://feeds.example.com/f.xml', 'feed', undefined, watch);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // Cut before the last "<" of what arrived: the "é" split across chunks is not decoded half.
    expect(seen[0]).toEqual([
      '<?xml version="1.0"?><rss><channel>',
      'https://feeds.example.com/f.xml',
    ]);
    release();
    const fetched = await fetching;
    expect(fetched.text).toBe(new TextDecoder().decode(bytes));
    expect(fetched.text).toContain('Café');
    expect(seen).toHaveLength(1);
    expect(lengths).toEqual([null]);
  });

  test('a first read far bigger than asked for: the start is only the bytes asked for', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    serve([bytes, enc.encode('<!-- more -->')], {}, [Promise.resolve(), gate]);
    const seen: string[] = [];
    const fetching = fetchText('https://f.example.com/x', 'feed', undefined, {
      prefixAt: () => 30,
      prefix: (text) => void seen.push(text),
    });
    await vi.waitFor(() => expect(seen).toEqual(['<?xml version="1.0"?><rss>']));
    release();
    expect((await fetching).text).toMatch(/<\/rss><!-- more -->$/);
  });

  test('reading waits for what the start is given to (the page lists it first)', async () => {
    serve(chunks, {});
    const order: string[] = [];
    let listed = () => {};
    const listing = new Promise<void>((resolve) => (listed = resolve));
    const fetching = fetchText('https://f.example.com/x', 'feed', undefined, {
      prefixAt: () => split,
      prefix: () => {
        setTimeout(() => (order.push('listed'), listed()), 50);
        return listing;
      },
    }).then(() => order.push('whole'));
    await fetching;
    expect(order).toEqual(['listed', 'whole']);
  });

  test("what the start is given to never settles (the list's code failed): the rest is read after half a second", async () => {
    serve(chunks, {});
    let given = NaN;
    const fetching = fetchText('https://f.example.com/x', 'feed', undefined, {
      prefixAt: () => split,
      prefix: () => {
        given = performance.now();
        return new Promise<void>(() => {});
      },
    });
    expect((await fetching).text).toContain('Café');
    const waited = performance.now() - given;
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(waited).toBeLessThan(2000);
  });

  test('a declared length: told before the body, and no start when the first read is the whole', async () => {
    serve([bytes], { 'content-length': String(bytes.length) });
    const told: number[] = [];
    const prefix = vi.fn();
    const watch: BodyWatch = { length: (n) => told.push(n), prefixAt: () => 10, prefix };
    expect((await fetchText('https://f.example.com/x', 'feed', undefined, watch)).text).toContain(
      'Café',
    );
    expect(told).toEqual([bytes.length]);
    expect(prefix).not.toHaveBeenCalled();
  });

  test('an empty body, with or without a length, reads as empty text', async () => {
    for (const headers of [{}, { 'content-length': '0' }] as Array<Record<string, string>>) {
      serve([], headers);
      const fetched = await fetchText('https://f.example.com/x', 'feed', undefined, {
        prefixAt: () => 10,
      });
      expect(fetched.text).toBe('');
    }
  });

  test('prefixAt null: the body is read whole, with no start given', async () => {
    serve(chunks, {});
    const prefix = vi.fn();
    const fetched = await fetchText('https://f.example.com/x', 'feed', undefined, {
      prefixAt: () => null,
      prefix,
    });
    expect(fetched.text).toContain('Café');
    expect(prefix).not.toHaveBeenCalled();
  });

  test('UTF-16 gives no start (its bytes are not characters); the whole still reads', async () => {
    const text = '<?xml version="1.0"?><rss><channel><item>x</item></channel></rss>';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    serve([le.slice(0, 40), le.slice(40)], {});
    const prefix = vi.fn();
    const fetched = await fetchText('https://f.example.com/x', 'feed', undefined, {
      prefixAt: () => 10,
      prefix,
    });
    expect(fetched.text).toBe(text);
    expect(prefix).not.toHaveBeenCalled();
  });
});
