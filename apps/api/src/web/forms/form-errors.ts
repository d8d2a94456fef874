import type { Problem } from '../../problem/problem';

/** One error on a form: the field it belongs to, the element the summary links to, and the message. */
export interface FieldError {
  field: string;
  anchor: string;
  text: string;
}

/** What the templates need: the GOV.UK error summary's list and each field's own message. */
export interface FormErrors {
  list: { text: string; href: string }[];
  fields: Record<string, string>;
}

export function formErrors(errors: readonly FieldError[]): FormErrors | undefined {
  if (errors.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (const e of errors) fields[e.field] ??= e.text;
  return { list: errors.map((e) => ({ text: e.text, href: `#${e.anchor}` })), fields };
}

/**
 * A refusal from the service (problem+json) on the form: field errors go to their fields when the
 * form has them, anything else (the detail: "the panel asked for changes; revise it first") to the
 * form's main field.
 */
export function refusalErrors(
  problem: Pick<Problem, 'detail' | 'errors'>,
  fields: Record<string, string>,
  main: { field: string; anchor: string },
): FieldError[] {
  const known = (problem.errors ?? []).filter((e) => fields[e.field]);
  if (known.length > 0) {
    return known.map((e) => ({ field: e.field, anchor: fields[e.field], text: sentence(e.message) }));
  }
  return [{ ...main, text: sentence(problem.detail) }];
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
