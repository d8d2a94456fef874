/** The success message a form's redirect asks the commission page to show (`?done=…`). */
const DONE: Record<string, string> = {
  'specification-saved': 'The specification has been saved as a new version.',
  submitted: 'The specification has been sent to the panel for sign-off.',
  decided: 'Your decision has been recorded.',
  cancelled: 'The commission has been cancelled.',
  'deadline-moved': 'The deadline has been moved and its reminders rescheduled.',
  'tender-published': 'The tender has been published with its notice.',
  'bid-submitted': 'Your sealed bid has been received. Nobody can read it before the tender closes.',
  'question-asked':
    'Your question has been sent. Its answer will be published to every supplier, without your name.',
  'contract-notice-published': 'The contract notice has been recorded as published: its deadline is met.',
  awarded:
    'The contract has been awarded: each bidder is sent its assessment summary, and the standstill has begun.',
};

export type Done = keyof typeof DONE;

export function doneBanner(key: string | undefined): string | null {
  return key && Object.hasOwn(DONE, key) ? DONE[key] : null;
}
