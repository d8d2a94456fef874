/**
 * The body each operation answers with on success, by `method path` as the document names it.
 * An operation whose controller declares its own response schema (`@ApiOkResponse({ type })`)
 * keeps it; one with neither fails the OpenAPI test, so a new endpoint is never left undocumented.
 */
export const OPERATION_RESPONSES: Record<string, string> = {
  'get /v1/health': 'Health',
  'post /v1/commissions': 'Commission',
  'get /v1/commissions': 'CommissionList',
  'get /v1/commissions/{id}': 'Commission',
  'post /v1/commissions/{id}/cancel': 'Commission',
  'put /v1/commissions/{id}/specification': 'Commission',
  'get /v1/commissions/{id}/specification': 'SpecificationVersion',
  'get /v1/commissions/{id}/specification/versions': 'SpecificationVersions',
  'get /v1/commissions/{id}/specification/versions/{version}': 'SpecificationVersion',
  'post /v1/commissions/{id}/specification/submit': 'Commission',
  'post /v1/commissions/{id}/sign-offs': 'Commission',
  'post /v1/commissions/{id}/conflicts': 'Commission',
  'post /v1/commissions/{id}/deadlines': 'Commission',
  'get /v1/commissions/{id}/reminders': 'Reminders',
  'get /v1/commissions/{id}/history': 'History',
  'post /v1/commissions/{id}/tender': 'Commission',
  'post /v1/commissions/{id}/reopen': 'Commission',
  'post /v1/commissions/{id}/clarifications': 'ClarificationAsked',
  'get /v1/commissions/{id}/clarifications': 'Clarifications',
  'post /v1/commissions/{id}/clarifications/{qid}/answer': 'Clarifications',
  'post /v1/commissions/{id}/bids': 'BidReceipt',
  'get /v1/commissions/{id}/bids': 'Bids',
  'post /v1/commissions/{id}/evaluations': 'Evaluation',
  'get /v1/commissions/{id}/evaluation': 'Evaluation',
  'post /v1/commissions/{id}/award': 'Commission',
  'post /v1/commissions/{id}/challenges': 'ChallengeRecorded',
  'post /v1/commissions/{id}/challenges/{cid}/lift': 'Commission',
  'post /v1/commissions/{id}/contract/notice': 'Commission',
  'get /v1/calendar/working-days': 'WorkingDays',
  'get /v1/calendar/standstill': 'Standstill',
  'get /v1/calendar/tender-period': 'TenderPeriod',
  'get /v1/me/tasks': 'Tasks',
};
