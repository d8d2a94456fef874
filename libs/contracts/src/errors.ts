/**
 * Failure types the workflow raises when it refuses a command. The API maps each to an HTTP status;
 * they are the `type` of the ApplicationFailure thrown by update validators.
 */
export const REFUSALS = {
  forbidden: 'CommandForbidden',
  conflict: 'CommandConflict',
  invalid: 'CommandInvalid',
} as const;
export type RefusalType = (typeof REFUSALS)[keyof typeof REFUSALS];

/** The details carried by a refusal, so the API can name the stage and the reason. */
export interface RefusalDetails {
  stage: string;
  reason: string;
}
