/** The success message a form's redirect asks the commission page to show (`?done=…`). */
const DONE: Record<string, string> = {
  'specification-saved': 'The specification has been saved as a new version.',
  submitted: 'The specification has been sent to the panel for sign-off.',
  decided: 'Your decision has been recorded.',
  cancelled: 'The commission has been cancelled.',
  'deadline-moved': 'The deadline has been moved and its reminders rescheduled.',
};

export type Done = keyof typeof DONE;

export function doneBanner(key: string | undefined): string | null {
  return key && Object.hasOwn(DONE, key) ? DONE[key] : null;
}
