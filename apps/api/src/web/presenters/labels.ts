import type { Action, Milestone, Role, Stage } from '@app/contracts';

/** Stage names as people say them, and the GOV.UK tag colour that marks each. */
export const STAGE_LABELS: Record<Stage, { text: string; tagClass: string }> = {
  drafting: { text: 'Drafting', tagClass: 'govuk-tag--grey' },
  'panel-review': { text: 'Panel review', tagClass: 'govuk-tag--purple' },
  'signed-off': { text: 'Signed off', tagClass: 'govuk-tag--green' },
  tendering: { text: 'Tendering', tagClass: 'govuk-tag--turquoise' },
  evaluation: { text: 'Evaluation', tagClass: 'govuk-tag--pink' },
  standstill: { text: 'Standstill', tagClass: 'govuk-tag--yellow' },
  'in-delivery': { text: 'In delivery', tagClass: 'govuk-tag--teal' },
  completed: { text: 'Completed', tagClass: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', tagClass: 'govuk-tag--red' },
  unsuccessful: { text: 'Unsuccessful', tagClass: 'govuk-tag--orange' },
};

export function stageTag(stage: Stage): { text: string; classes: string } {
  const label = STAGE_LABELS[stage];
  return { text: label.text, classes: label.tagClass };
}

export const MILESTONE_LABELS: Record<Milestone, string> = {
  'sign-off': 'Panel sign-off',
  clarification: 'Clarification questions close',
  'tender-close': 'Tender closes',
  scoring: 'Scores due',
  'standstill-end': 'Standstill ends',
  'interim-report': 'Interim report',
  'final-report': 'Final report',
  'contract-notice': 'Contract details notice',
};

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Commissioning officer',
  panel: 'Panel member',
  supplier: 'Supplier',
  observer: 'Observer',
  admin: 'Administrator',
};

/** The button or link text for each action a person may take on a commission page. */
export const ACTION_LINKS: Record<Action, { text: string; path: string } | null> = {
  'edit-specification': { text: 'Edit the specification', path: 'specification/edit' },
  'submit-specification': { text: 'Submit the specification to the panel', path: 'submit' },
  'sign-off': { text: 'Approve or request changes', path: 'sign-off' },
  'declare-conflict': null,
  'move-deadline': { text: 'Move a deadline', path: 'deadlines/move' },
  cancel: { text: 'Cancel this commission', path: 'cancel' },
  'publish-tender': { text: 'Publish the tender', path: 'tender' },
  'ask-clarification': { text: 'Ask a clarification question', path: 'bid#clarifications' },
  'answer-clarification': { text: 'Answer clarification questions', path: 'clarifications' },
  'submit-bid': { text: 'Submit a bid', path: 'bid' },
  reopen: null,
  'score-bid': { text: 'Score the bids', path: 'evaluation' },
  award: { text: 'Award the contract', path: 'award' },
  'record-challenge': { text: 'Standstill and legal challenges', path: 'challenges' },
  // Lifted on the same page as they are recorded.
  'lift-challenge': null,
  'publish-contract-notice': { text: 'Publish the contract notice', path: 'contract-notice' },
  'drop-dependency': null,
  'submit-report': { text: 'Submit a report', path: 'reports#submit' },
  'review-report': { text: 'Review the reports', path: 'reports' },
};

/** "Alan Wood", "Alan Wood and Isabelle Trowler", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(names);
}
