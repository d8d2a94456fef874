/**
 * How much one commission's workflow state may hold. Every collection that grows with use is
 * bounded, so the state (which each update answer, projection and continue-as-new carries) stays
 * far below Temporal's 4 MB message limit: at these limits and the text limits it is under 1 MB.
 * A command that would pass a limit is refused with `limit-reached`, naming it.
 */
export const STATE_LIMITS = {
  /** Specification versions (their texts live in the read model, not in the state). */
  specificationVersions: 50,
  /** Sign-off rounds, open or closed. */
  signOffRounds: 10,
  /** Conflicts of interest declared. */
  conflicts: 40,
  /** Deadline moves recorded. */
  deadlineMoves: 40,
  /** Legal challenges recorded during a standstill. */
  challenges: 20,
  /**
   * Characters of a sign-off comment kept in the state (the whole comment is in the read model's
   * sign-off record and the audit history).
   */
  commentExcerpt: 500,
  /** Commissions registered as depending on this one's gates. */
  dependents: 20,
  /** Versions of one report (interim or final) the supplier may submit. */
  reportVersions: 10,
  /**
   * A tender's clarification questions, and how many one supplier may ask. Their texts are in the
   * state (every supplier reads the answers from the view), so their characters are bounded too:
   * the questions' and the answers' separately, so that questions can never leave officers unable
   * to answer.
   */
  clarifications: 200,
  clarificationsPerSupplier: 20,
  clarificationQuestionChars: 50_000,
  clarificationAnswerChars: 150_000,
  /** Bid receipts of one tender (a replaced bid's receipt stays), and how many one supplier may submit. */
  bidReceipts: 300,
  bidsPerSupplier: 20,
  /** Update ids remembered for deduplication across runs. */
  rememberedUpdates: 100,
} as const;

export type StateLimit = keyof typeof STATE_LIMITS;

/** A comment as the state keeps it: the first `commentExcerpt` characters, marked when cut. */
export function excerpt(text: string, limit: number = STATE_LIMITS.commentExcerpt): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}
