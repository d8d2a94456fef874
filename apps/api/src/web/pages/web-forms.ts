import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { formErrors, refusalErrors, type FieldError } from '../forms/form-errors';
import { PageRenderer } from '../render/page-renderer';
import type { RequestWithSession } from '../session/web-session';
import { CommandRunner, type CommandOutcome } from './command-runner';
import { CommissionAccess } from './commission-access';

export type WebRequest = Request & RequestWithSession;

/** Where a refusal's field errors go on the form, and the field that takes the rest. */
export interface RefusalFields {
  fields: Record<string, string>;
  main: { field: string; anchor: string };
}

/**
 * What every form page does the same way: read the commission for an action, render the form with
 * its GOV.UK error summary and a fresh form key, and after a command either redirect to the
 * commission with its banner or show the refusal on the form. The page controllers say only what is
 * particular to them.
 */
@Injectable()
export class WebForms {
  constructor(
    readonly access: CommissionAccess,
    readonly commands: CommandRunner,
    private readonly pages: PageRenderer,
  ) {}

  render(
    req: WebRequest,
    res: Response,
    template: string,
    context: object,
    errors: readonly FieldError[] = [],
    status = 200,
  ): void {
    this.pages.send(
      req,
      res,
      template,
      { ...context, errors: formErrors(errors), formKey: randomUUID() },
      status,
    );
  }

  /**
   * After the command: to the commission page with its banner, or the form again with the refusal
   * in its error summary (re-rendered by `again`, with the refusal's status).
   */
  async settle(
    res: Response,
    outcome: CommandOutcome,
    refusal: RefusalFields,
    done: string,
    again: (errors: FieldError[], status: number) => void | Promise<void>,
  ): Promise<void> {
    if (outcome.ok) return res.redirect(303, done);
    await again(refusalErrors(outcome.problem, refusal.fields, refusal.main), outcome.problem.status);
  }
}
