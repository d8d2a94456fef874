import type { Task } from '../../tasks/task';
import { dueIn, londonDateTime } from '../time/london-time';

/** One row of GOV.UK's task list component. */
export interface TaskListItem {
  title: { text: string };
  href: string;
  hint: { text: string };
  status: { tag: { text: string; classes: string } } | { text: string };
}

/** The My tasks page's rows, in the order the service gives them (most urgent first). */
export function taskListItems(tasks: readonly Task[], now: Date): TaskListItem[] {
  return tasks.map((t) => ({
    title: { text: t.summary },
    href: t.path,
    hint: { text: t.dueAt ? `${t.commissionTitle}. Due ${londonDateTime(t.dueAt)}` : t.commissionTitle },
    status: t.dueAt
      ? {
          tag: {
            text: capitalise(dueIn(t.dueAt, now)),
            classes: t.overdue ? 'govuk-tag--red' : 'govuk-tag--blue',
          },
        }
      : { text: 'No due date' },
  }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
