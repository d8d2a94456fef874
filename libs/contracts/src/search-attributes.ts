import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/*
 * Custom search attributes, so an operator can filter commissions in the Temporal Web UI
 * (`CommissionStage = "panel-review"`). They must be registered on the server before a workflow
 * upserts them: scripts/lib.sh passes them to the dev server, docker-compose registers them once.
 */
export const CommissionStageAttribute = defineSearchAttributeKey(
  'CommissionStage',
  SearchAttributeType.KEYWORD,
);
export const CommissionTitleAttribute = defineSearchAttributeKey('CommissionTitle', SearchAttributeType.TEXT);
export const CommissionNextDueAttribute = defineSearchAttributeKey(
  'CommissionNextDueAt',
  SearchAttributeType.DATETIME,
);
export const ProgrammeIdAttribute = defineSearchAttributeKey('ProgrammeId', SearchAttributeType.KEYWORD);

/** Name and type of each, as `temporal server start-dev --search-attribute NAME=TYPE` takes them. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: readonly string[] = [
  'CommissionStage=Keyword',
  'CommissionTitle=Text',
  'CommissionNextDueAt=Datetime',
  'ProgrammeId=Keyword',
];
