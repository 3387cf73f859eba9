// A reader for `text/event-stream` (the WHATWG server-sent events format) fed in chunks, so the
// page can read the aligner's stream through fetch (#12): EventSource gives no status code, mixes
// a server's `event: error` with its own connection errors, and retries forever on its own.

export interface StreamEvent {
  /** The `event:` field, `message` when absent. */
  type: string;
  /** The `data:` lines joined by "\n". */
  data: string;
}

/** Feed text in any chunks; complete events come out in order. Never throws. */
export class EventStreamReader {
  #buffer = '';
  #type = '';
  #data: string[] = [];
  #sawData = false;
  #first = true;

  push(chunk: string): StreamEvent[] {
    let text = this.#buffer + chunk;
    if (this.#first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.#first = false;
    }
    const out: StreamEvent[] = [];
    let from = 0;
    for (;;) {
      const cr = text.indexOf('\r', from);
      const lf = text.indexOf('\n', from);
      const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (at < 0) break;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (at === cr && at === text.length - 1) break;
      this.#line(text.slice(from, at), out);
      from = at + (text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1);
    }
    this.#buffer = text.slice(from);
    return out;
  }

  #line(line: string, out: StreamEvent[]): void {
    if (line === '') {
      if (this.#sawData) out.push({ type: this.#type || 'message', data: this.#data.join('\n') });
      this.#type = '';
      this.#data = [];
      this.#sawData = false;
      return;
    }
    if (line.startsWith(':')) return; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#type = value;
    else if (field === 'data') {
      this.#data.push(value);
      this.#sawData = true;
    }
  }
}
