// What Firefox and WebKitGTK need on a headless machine, started as private processes and stopped by
// PID: an X display (Xvfb) for MiniBrowser, and an audio output (a PulseAudio null sink). Without an
// output Firefox's media clock never runs; ALSA's null device plays about 25× too fast.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** Debian puts MiniBrowser beside the WebKitGTK library: /usr/lib/<triplet>/webkit2gtk-4.x/. */
export function miniBrowserPath(): string | null {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const triplet of safeList('/usr/lib')) {
    for (const folder of safeList(join('/usr/lib', triplet)).filter((f) =>
      f.startsWith('webkit2gtk-4'),
    )) {
      const path = join('/usr/lib', triplet, folder, 'MiniBrowser');
      if (existsSync(path)) return path;
    }
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export interface Service {
  child: ChildProcess;
  stop(): void;
}

function stopper(child: ChildProcess, cleanup?: () => void): () => void {
  return () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    cleanup?.();
  };
}

/** Starts Xvfb on the first free display it finds (-displayfd) and returns `:N`. */
export async function startXvfb(): Promise<Service & { display: string }> {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const display = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`Xvfb did not start: ${err.slice(-300)}`)),
      10_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}: ${err.slice(-300)}`)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('\n')) {
        clearTimeout(timer);
        done(`:${out.trim()}`);
      }
    });
  });
  return { child, display, stop: stopper(child) };
}

/** A private PulseAudio with one null sink; clients reach it with PULSE_SERVER=unix:<socket>. */
export async function startPulse(): Promise<Service & { server: string }> {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-pulse-'));
  const socket = join(home, 'native');
  const child = spawn(
    'pulseaudio',
    [
      '-n',
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--use-pid-file=no',
      '--disable-shm=yes',
      '--log-target=stderr',
      '-L',
      `module-native-protocol-unix socket=${socket} auth-anonymous=1`,
      '-L',
      'module-null-sink sink_name=verbatim_null',
      '-L',
      'module-always-sink',
    ],
    {
      env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: home, XDG_CONFIG_HOME: home },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += String(chunk)));
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (child.exitCode !== null) throw new Error(`PulseAudio exited: ${err.slice(-300)}`);
    if (Date.now() > deadline) throw new Error(`PulseAudio did not start: ${err.slice(-300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    server: `unix:${socket}`,
    stop: stopper(child, () => rmSync(home, { recursive: true, force: true })),
  };
}
