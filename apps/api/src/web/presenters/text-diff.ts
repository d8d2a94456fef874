import { diffWordsWithSpace } from 'diff';
import { escapeHtml } from './markdown';

/**
 * The changes between two versions of a text, word by word, as escaped HTML: additions in <ins>,
 * removals in <del>, each announced to screen readers (which do not read the tags themselves).
 */
export function diffHtml(before: string, after: string): { html: string; changed: boolean } {
  const parts = diffWordsWithSpace(before, after);
  const html = parts
    .map((p) => {
      const text = escapeHtml(p.value);
      if (p.added)
        return `<ins><span class="govuk-visually-hidden">start of added text, </span>${text}<span class="govuk-visually-hidden">, end of added text</span></ins>`;
      if (p.removed)
        return `<del><span class="govuk-visually-hidden">start of removed text, </span>${text}<span class="govuk-visually-hidden">, end of removed text</span></del>`;
      return text;
    })
    .join('');
  return { html, changed: parts.some((p) => p.added || p.removed) };
}
