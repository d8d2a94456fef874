import { clarificationsFor, readsAsSupplier, type Actor, type CommissionView } from '@app/contracts';
import { londonDateTime } from '../time/london-time';

export interface ClarificationRow {
  id: string;
  question: string;
  /** Staff read who asked; a supplier reads only "You" on its own questions, never another's name. */
  askedBy: string | null;
  askedAt: string;
  answer: { text: string; by: string | null; at: string } | null;
}

/**
 * The questions and answers one person may read, through the API's read rules (READ_RULES):
 * staff all of them with who asked; a supplier the answered ones and its own, never who else asked.
 * Unanswered first, so an officer sees what is waiting.
 */
export function clarificationRows(view: CommissionView, actor: Actor): ClarificationRow[] {
  const supplier = readsAsSupplier(actor);
  const rows = clarificationsFor(view, actor).map((c) => ({
    id: c.id,
    question: c.question,
    askedBy: 'askedBy' in c ? c.askedBy.name : c.askedByYou ? 'You' : null,
    askedAt: londonDateTime(c.askedAt),
    answer: c.answer && {
      text: c.answer.text,
      by: supplier ? null : c.answer.by.name,
      at: londonDateTime(c.answer.at),
    },
  }));
  return [...rows.filter((r) => !r.answer), ...rows.filter((r) => r.answer)];
}

/** When questions close, in words: "Questions close at 5pm, Friday 15 January 2027." */
export function questionsClose(view: CommissionView, now: Date): string | null {
  const at = view.tender?.clarificationsCloseAt;
  if (!at) return null;
  return `${Date.parse(at) > now.getTime() ? 'Questions close' : 'Questions closed'} at ${londonDateTime(at)}.`;
}
