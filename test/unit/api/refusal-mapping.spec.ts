import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { COMMAND_REFUSED, REFUSAL_CODES, refusalTypeUri, type RefusalCode } from '@app/contracts';
import { refusalToProblem } from '../../../apps/api/src/commissions/temporal-errors';

const refused = (code: string) =>
  new WorkflowUpdateFailedError(
    'refused',
    ApplicationFailure.create({
      type: COMMAND_REFUSED,
      message: 'why',
      details: [{ code, stage: 'drafting', reason: `because ${code}` }],
      nonRetryable: true,
    }),
  );

describe('refusals as problems', () => {
  it.each(Object.keys(REFUSAL_CODES) as RefusalCode[])('%s maps to its own status and type', (code) => {
    const p = refusalToProblem(refused(code))!.problem;
    expect(p).toMatchObject({
      status: REFUSAL_CODES[code].status,
      type: refusalTypeUri(code),
      title: REFUSAL_CODES[code].title,
      code,
      stage: 'drafting',
      detail: `because ${code}`,
    });
  });

  it('leaves an unknown code to the error filter rather than guessing a status', () => {
    expect(refusalToProblem(refused('no-such-code'))).toBeNull();
  });
});
