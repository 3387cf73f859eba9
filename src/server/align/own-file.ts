// The server's own audio (#12): the demo episode's enclosure is an address on this very server,
// which the fetch rules refuse (loopback) unless ALLOW_PRIVATE_FEEDS=1. Audio the server
// publishes itself is read from its static root instead: only what it would serve anyway (an
// audio or video file inside the root, symlinks not leading out), so no address rule is lifted.
import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { contentTypeFor } from '../mime.ts';
import { safeSegments } from '../static.ts';

/** Maps an audio URL asked for through this server (its `Host`) to a file, or null. */
export type OwnFile = (audio: string, host: string | undefined) => string | null;

export function ownFile(root: string): OwnFile {
  return (audio, host) => {
    if (!host) return null;
    let url: URL;
    try {
      url = new URL(audio);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.host.toLowerCase() !== host.trim().toLowerCase()) return null;
    const segments = safeSegments(url.pathname);
    if (!segments || segments.length === 0) return null;
    try {
      const realRoot = realpathSync(root);
      const file = realpathSync(join(realRoot, ...segments));
      if (!file.startsWith(realRoot + sep) || !statSync(file).isFile()) return null;
      return /^(audio|video)\//.test(contentTypeFor(file)) ? file : null;
    } catch {
      return null; // not there: the address is fetched as any other (and refused if private)
    }
  };
}
