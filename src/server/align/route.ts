// Word times from the audio (issue #12): the HTTP side.
//
// GET /api/align → 200 {"available": true} | {"available": false, "error": "plain sentence"}:
//   whether this server computes word times (ALIGN=off: not), asked before posting so that a page
//   on a server without them gets its sentence without a failed request (#12).
// POST /api/align  {"audio": url, "language": "en"|null, "focus": s,
//                   "turns": [{"start": s, "end": s|null, "text": "…as the page shows it"}]}
//   → 202 {"job": id, "cached": bool}: same audio URL + same turns → same id (one job).
//   → 4xx/503 {"error": "plain sentence"}: bad input, a language without a model (only
//     English: null or en, en-GB… accepted), too many turns, too many jobs, ALIGN=off (503).
//   `cached` means a finished result for this audio and text exists; it is replayed only
//   if the audio's URL, length and ETag are still the same (checked again after 10 minutes).
// GET /api/align/<job>/events → text/event-stream; on connect, every event so far is replayed:
//   meta     {"duration": decoded seconds, "audio": {"url", "length", "etag"}}  once decoded;
//            the page should compare duration with its own audio's and not apply the times
//            to another copy (a difference of more than a second or so).
//   turn     {"index", "start", "end", "status": "aligned"|"shifted"|"missing"|"estimated",
//             "words": [{"from", "to", "start", "end", "estimated"?: true}]}  per turn as
//            it finishes, nearest the focus first. from/to are character offsets in the
//            turn's text; times are audio seconds. "shifted": found more than 1.5 s from its
//            published start (e.g. after an inserted ad). "missing": no room for it in the
//            audio (words: []). "estimated": not found; words spread over where it should
//            be, each with estimated: true (which may also mark unfound sentences of an
//            aligned turn).
//   gap      {"start", "end"}  speech in the audio that the transcript lacks (an ad).
//   progress {"done", "total"}  turns settled so far.
//   done     {}  then the stream ends.
//   error    {"code", "message"}  then the stream ends; codes: unreachable, refused,
//            too-large, too-long, undecodable, no-decoder, timeout, no-speech, no-match,
//            internal; message is a plain sentence for the listener.
//   404 JSON {error} for an unknown job (the server restarted, or it was long ago: post again).
// POST /api/align/<job>/focus {"t": s} → 204: remaining turns nearest t go next.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnInput } from '../../core/align/plan.ts';
import { setCommonHeaders } from '../security-headers.ts';
import { JobRefusal, type AlignJobs, type AlignRequest } from './jobs.ts';
import type { OwnFile } from './own-file.ts';

export const ALIGN_PATH = '/api/align';
const MAX_BODY = 8 * 1024 * 1024;
const MAX_TURNS = 20_000;
const OFF = 'Word timing is turned off on this server.';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY)
      throw new JobRefusal(413, 'The transcript sent for alignment is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new JobRefusal(400, 'The request is not valid JSON.');
  }
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Checks a POST body; throws JobRefusal with a plain sentence when it is wrong. */
export function parseRequest(body: unknown): AlignRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.audio !== 'string' || !/^https?:\/\//i.test(b.audio))
    throw new JobRefusal(400, 'Say which audio to align with an http or https "audio" address.');
  const language = b.language ?? null;
  if (language !== null && typeof language !== 'string')
    throw new JobRefusal(400, 'The language must be a language tag or null.');
  if (language !== null && !/^en(-|_|$)/i.test(language.trim()))
    throw new JobRefusal(
      422,
      `Word timing is only available for English; this episode's language is "${language}".`,
    );
  if (!Array.isArray(b.turns) || b.turns.length === 0)
    throw new JobRefusal(400, 'Send the transcript as a non-empty list of turns.');
  if (b.turns.length > MAX_TURNS)
    throw new JobRefusal(413, `The transcript has more than ${MAX_TURNS} turns.`);
  const turns: TurnInput[] = b.turns.map((t: unknown, i: number) => {
    const turn = (t ?? {}) as Record<string, unknown>;
    const end = turn.end ?? null;
    if (!isTime(turn.start) || (end !== null && !isTime(end)) || typeof turn.text !== 'string')
      throw new JobRefusal(
        400,
        `Turn ${i + 1} needs a start time in seconds, an end (or null) and its text.`,
      );
    return { start: turn.start, end, text: turn.text };
  });
  const focus = isTime(b.focus) ? b.focus : 0;
  return { audio: b.audio, language, focus, turns };
}

export type AlignHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Handles everything under /api/align; `jobs` null means ALIGN=off. `own` finds audio this
 * server publishes itself (the demo), read from disk instead of fetched.
 */
export function createAlignHandler(jobs: AlignJobs | null, own?: OwnFile): AlignHandler {
  return async (req, res) => {
    setCommonHeaders(res);
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const root = path === ALIGN_PATH || path === `${ALIGN_PATH}/`;
    try {
      if (root && req.method === 'GET')
        return sendJson(res, 200, jobs ? { available: true } : { available: false, error: OFF });
      if (!jobs) throw new JobRefusal(503, OFF);
      if (root) {
        if (req.method !== 'POST') throw new JobRefusal(405, 'Start an alignment with POST.');
        const request = parseRequest(await readJson(req));
        const local = own?.(request.audio, req.headers.host);
        return sendJson(res, 202, jobs.submit(local ? { ...request, local } : request));
      }
      const m = /^\/api\/align\/([a-f0-9]{8,64})\/(events|focus)$/.exec(path);
      if (!m?.[1]) throw new JobRefusal(404, 'There is no such alignment address.');
      const id = m[1];
      if (m[2] === 'focus') {
        if (req.method !== 'POST') throw new JobRefusal(405, 'Move the focus with POST.');
        const t = ((await readJson(req)) as { t?: unknown } | null)?.t;
        if (!isTime(t)) throw new JobRefusal(400, 'The focus needs a time "t" in seconds.');
        if (!jobs.focus(id, t))
          throw new JobRefusal(404, 'This alignment is not known (any more); start it again.');
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return void res.end();
      }
      if (req.method !== 'GET') throw new JobRefusal(405, 'Read alignment events with GET.');
      streamEvents(jobs, id, req, res);
    } catch (error) {
      if (!(error instanceof JobRefusal)) throw error;
      if (error.status === 405)
        res.setHeader('Allow', root ? 'GET, POST' : error.message.includes('GET') ? 'GET' : 'POST');
      sendJson(res, error.status, { error: error.message });
    }
  };
}

function streamEvents(
  jobs: AlignJobs,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
  };
  let ended = false;
  const unsubscribe = jobs.subscribe(id, (e) => {
    if (ended) return;
    start();
    res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    if (e.event === 'done' || e.event === 'error') {
      ended = true;
      res.end();
    }
  });
  if (!unsubscribe)
    throw new JobRefusal(404, 'This alignment is not known (any more); start it again.');
  if (ended) return;
  start();
  res.write(': aligning\n\n');
  const keepAlive = setInterval(() => res.write(': still aligning\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
  res.on('finish', () => clearInterval(keepAlive));
}
