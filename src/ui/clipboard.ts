// Copies plain text and HTML together where the browser allows, plain text otherwise.
import { escapeHtml } from '../core/text/html-escape.ts';
export async function copyRich(text: string, html: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return true;
    }
  } catch {
    // fall through to plain text
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies plain text only (a tag or a link meant to be pasted as it is). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies a link as its address, and as an HTML link named `label` for rich editors. */
export function copyLink(url: string, label: string): Promise<boolean> {
  return copyRich(url, `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`);
}
