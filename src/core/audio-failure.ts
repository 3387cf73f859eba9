// Why the audio failed, in the listener's words (#14). A media element reports a dropped
// connection as "format not supported" (MediaError 4) when it cannot reconnect, so its code alone
// misleads: a probe of the address (state/audio-probe, audio/) says whether the server answers.

/** What asking the audio's address found. */
export type AudioProbe =
  | { kind: 'unreachable' }
  | { kind: 'status'; status: number; type: string }
  /** The server answered, but (no CORS) the page may not read how. */
  | { kind: 'opaque' }
  | { kind: 'unknown' };

const NOT_AUDIO = /^(text\/|application\/(json|xml|xhtml))/i;

/** One plain sentence naming the cause; `code` is the MediaError code, or null. */
export function audioFailureMessage(code: number | null, probe: AudioProbe): string {
  if (probe.kind === 'unreachable')
    return "The connection to the audio dropped: the publisher's server cannot be reached.";
  if (probe.kind === 'status' && probe.status >= 400) {
    const s = probe.status;
    if (s === 404 || s === 410)
      return `The audio file is no longer on the publisher's server (${s}).`;
    if (s === 401 || s === 403) return `The publisher's server refused to send the audio (${s}).`;
    if (s >= 500) return `The publisher's server failed while sending the audio (${s}).`;
    return `The publisher's server would not send the audio (${s}).`;
  }
  const type = probe.kind === 'status' ? probe.type.split(';')[0]!.trim() : '';
  if (type && NOT_AUDIO.test(type))
    return `The audio address leads to a page (${type}), not to an audio file.`;
  switch (code) {
    case 1:
      return 'Loading the audio was stopped.';
    case 2:
      return 'The connection dropped while the audio was loading.';
    case 3:
      return 'The audio file is damaged: this browser could not decode it.';
    case 4:
      // Without CORS the answer is unread: the server is up, but the file may be gone or odd.
      return probe.kind === 'opaque'
        ? "The publisher's server answered, but not with audio this browser can play (the file may be missing or in another format)."
        : `This browser cannot play the audio's format${type ? ` (${type})` : ''}.`;
    default:
      return 'The audio could not be played.';
  }
}
