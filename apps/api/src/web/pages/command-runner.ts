import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor, CommissionView } from '@app/contracts';
import { CommissionsService } from '../../commissions/commissions.service';
import { sendForToday } from '../../commissions/for-today';
import { ProblemException } from '../../problem/problem.exception';
import type { Problem } from '../../problem/problem';

export type CommandOutcome = { ok: true; view: CommissionView } | { ok: false; problem: Problem };

/**
 * Sends a form's command through the same service as the JSON API. A refusal comes back as its
 * problem, for the form to show in its error summary; anything else is an error page.
 */
@Injectable()
export class CommandRunner {
  constructor(private readonly commissions: CommissionsService) {}

  async run<Arg extends { actor: Actor }>(
    id: string,
    update: UpdateDefinition<CommissionView, [Arg]>,
    /** The command, or how to build it when building it can be refused too (a date the calendar rejects). */
    arg: Arg | (() => Arg | Promise<Arg>),
    formKey: string | undefined,
  ): Promise<CommandOutcome> {
    const send = (built: Arg) => this.commissions.command(id, update, built, formKey && `web-${formKey}`);
    // A command built here from today's calendar is built again should the workflow's day differ.
    return this.attempt(() => (typeof arg === 'function' ? sendForToday(arg, send) : send(arg)));
  }

  /** Runs a command that is not a plain Update (a sealed bid) with the same refusal handling. */
  async attempt(send: () => Promise<CommissionView>): Promise<CommandOutcome> {
    try {
      return { ok: true, view: await send() };
    } catch (err) {
      if (err instanceof ProblemException && err.problem.status < 500 && err.problem.status !== 404) {
        return { ok: false, problem: err.problem };
      }
      throw err;
    }
  }
}
