// Which side panel is open as a sheet on a phone (#14): the transcript stays where it is, and
// chapters, episodes, quotes and notes open over it, one at a time. Desktop ignores this.
import type { AppContext } from '../state/context.ts';

export type PanelName = 'chapters' | 'episodes' | 'quotes' | 'notes';

export const sheet = $state<{ open: PanelName | null; opener: HTMLElement | null }>({
  open: null,
  opener: null,
});

export function openSheet(panel: PanelName, opener: HTMLElement | null = null): void {
  sheet.open = panel;
  sheet.opener = opener;
}

/** Closes the sheet and gives focus back to what opened it. */
export function closeSheet(): void {
  const opener = sheet.opener;
  sheet.open = null;
  sheet.opener = null;
  opener?.focus();
}

export interface PanelTab {
  name: PanelName;
  label: string;
  /** Shown beside the label when above 0. */
  count: number;
}

/** The panels this episode has something in, in page order. Reads state, so call it in a $derived. */
export function panelTabs({ library, player, quotes }: AppContext): PanelTab[] {
  const episodes = library.feed?.episodes.length ?? 0;
  const tabs: Array<PanelTab & { shown: boolean }> = [
    {
      name: 'chapters',
      label: 'Chapters',
      count: player.chapters.length,
      shown: player.chapters.length > 0 || library.loadingChapters,
    },
    { name: 'episodes', label: 'Episodes', count: episodes, shown: episodes > 1 },
    { name: 'quotes', label: 'Quotes', count: quotes.value?.list.length ?? 0, shown: true },
    { name: 'notes', label: 'Notes', count: 0, shown: Boolean(library.episode?.notesHtml.trim()) },
  ];
  return tabs.filter((tab) => tab.shown).map(({ name, label, count }) => ({ name, label, count }));
}
