import type { AnyCommand, OnDue } from '../kernel/command';
import { awardCommands, awardOnDue } from './award';
import { cancellationCommands } from './cancellation';
import { conflictCommands } from './conflicts';
import { deadlineCommands } from './deadlines';
import { dependencyCommands } from './dependency';
import { deliveryCommands } from './delivery';
import { evaluationCommands } from './evaluation';
import { signOffCommands } from './sign-off';
import { specificationCommands } from './specification';
import { tenderCommands, tenderOnDue } from './tender';

/** Every command of every stage; the workflow registers them all in one loop. */
export const COMMANDS: readonly AnyCommand[] = [
  ...specificationCommands,
  ...signOffCommands,
  ...conflictCommands,
  ...deadlineCommands,
  ...cancellationCommands,
  ...tenderCommands,
  ...evaluationCommands,
  ...awardCommands,
  ...dependencyCommands,
  ...deliveryCommands,
];

/** Transitions that run by themselves when a deadline carrying their name falls due. */
export const ON_DUE: Readonly<Record<string, OnDue>> = { ...tenderOnDue, ...awardOnDue };
