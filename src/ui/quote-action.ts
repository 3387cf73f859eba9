// Quote the current selection: words, speakers, times and link → clipboard and Saved quotes.
import { buildQuote, type Quote, type QuoteContext } from '../core/quote/quote.ts';
import type { AppContext } from '../state/context.ts';
import { quoteClipboard } from '../core/quote/format.ts';
import { copyRich } from './clipboard.ts';
import { selectionPoints } from './transcript/text-dom.ts';

/** The quote the selection makes inside the transcript, or null when nothing quotable is selected. */
export function quoteFromSelection(app: AppContext, turnEls: readonly HTMLElement[]): Quote | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const points = selectionPoints(selection.getRangeAt(0), turnEls, app.player.turns);
  if (!points) return null;
  return buildQuote(app.player.turns, points.from, points.to, quoteContext(app));
}

/** Titles and link target of the open episode, for building its quotes (turns are in audio time). */
export function quoteContext({ library, navigation }: AppContext): QuoteContext {
  const { feed, episode } = navigation.linkTarget();
  return {
    feedUrl: feed,
    guid: episode,
    episodeTitle: library.episode?.title ?? '',
    showTitle: library.feed?.title ?? '',
    appBase: location.origin + location.pathname,
  };
}

/** Saves and copies a quote, and says so in a toast. */
export async function saveAndCopy(app: AppContext, quote: Quote): Promise<void> {
  const quotes = await app.quotes.ready().catch(() => null);
  if (!quotes) {
    app.library.alert(
      'Saved quotes could not be loaded (the connection may have dropped). The selected words can still be copied.',
    );
    return;
  }
  quotes.add(quote);
  const { text, html } = quoteClipboard(quote, quotes.style);
  const copied = await copyRich(text, html);
  app.toasts.show(
    copied
      ? 'Quote copied and saved.'
      : 'Quote saved. Copying was not allowed by the browser; use Copy in Saved quotes.',
  );
}
