import type { Stage } from '@app/contracts';
import { londonDateTime } from '../time/london-time';
import { stageTag } from './labels';
import { escapeHtml } from './markdown';

interface ListedCommission {
  id: string;
  title: string;
  stage: string;
  keyDates: Record<string, string | null>;
  updatedAt: Date;
}

/** Rows of the commissions table: title (linked), stage, next due date, last change. */
export function commissionRows(items: readonly ListedCommission[]) {
  return items.map((c) => {
    const tag = stageTag(c.stage as Stage);
    const nextDue = c.keyDates.nextDueAt;
    return [
      {
        html: `<a class="govuk-link" href="/commissions/${encodeURIComponent(c.id)}">${escapeHtml(c.title)}</a>`,
      },
      { html: `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>` },
      { text: nextDue ? londonDateTime(nextDue) : 'None' },
      { text: londonDateTime(c.updatedAt) },
    ];
  });
}
