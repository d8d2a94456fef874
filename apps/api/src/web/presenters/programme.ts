import type { Actor } from '@app/contracts';
import type { ProgrammesService } from '../../programmes/programmes.service';
import { londonDateTime } from '../time/london-time';
import { MILESTONE_LABELS, stageTag } from './labels';
import { escapeHtml } from './markdown';

type Programme = Awaited<ReturnType<ProgrammesService['get']>>;
type Cell = { text: string } | { html: string };

const GATE_WORDS: Record<string, string> = {
  'interim-report-accepted': 'its interim report is accepted',
  'final-report-accepted': 'its final report is accepted',
};

const STATUS_WORDS: Record<string, string> = {
  waiting: 'Waiting',
  met: 'Met',
  'never-to-be-met': 'Will never be met',
  dropped: 'Dropped',
};

export interface ProgrammePage {
  name: string;
  description: string;
  rows: Cell[][];
  dependencies: string[];
  blocking: string[];
}

/** A programme's commissions with stage and next due date, what depends on what, and what blocks. */
export function programmePage(programme: Programme, _actor: Actor): ProgrammePage {
  const titles = new Map(programme.commissions.map((c) => [c.id, c.title]));
  return {
    name: programme.name,
    description: programme.description,
    rows: programme.commissions.map((c) => {
      const tag = stageTag(c.stage);
      return [
        {
          html: `<a class="govuk-link" href="/commissions/${encodeURIComponent(c.id)}">${escapeHtml(c.title)}</a>`,
        },
        { html: `<strong class="govuk-tag ${tag.classes}">${escapeHtml(tag.text)}</strong>` },
        {
          text: c.nextDue
            ? `${MILESTONE_LABELS[c.nextDue.milestone]}: ${londonDateTime(c.nextDue.dueAt)}`
            : 'Nothing due',
        },
      ];
    }),
    dependencies: programme.graph.edges.map((e) => {
      const from = titles.get(e.from) ?? `commission ${e.from} (outside this programme)`;
      const to = titles.get(e.to) ?? e.to;
      return `“${to}” waits until “${from}”: ${GATE_WORDS[e.gate] ?? e.gate}. ${STATUS_WORDS[e.status] ?? e.status}.`;
    }),
    blocking: programme.blocking.map((b) => b.says),
  };
}
