import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
  type TypedSearchAttributes,
} from '@temporalio/common';
import type { NewCommission } from './commission';

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

/** What the commission workflow keeps in its search attributes. */
export interface CommissionSearchValues {
  stage: string;
  title: string;
  nextDueAt: string | null;
  programmeId: string | null;
}

/** The values as the attributes to upsert (a null removes one). */
export function searchAttributePairs(v: CommissionSearchValues): SearchAttributePair[] {
  return [
    { key: CommissionStageAttribute, value: v.stage },
    { key: CommissionTitleAttribute, value: v.title },
    { key: CommissionNextDueAttribute, value: v.nextDueAt ? new Date(v.nextDueAt) : null },
    { key: ProgrammeIdAttribute, value: v.programmeId },
  ] as SearchAttributePair[];
}

/** One comparable text for a set of values: the workflow upserts only when it changes. */
export function searchValuesKey(v: CommissionSearchValues): string {
  return JSON.stringify([v.stage, v.title, v.nextDueAt, v.programmeId]);
}

/** The values a run holds now (those it started with, before any upsert); absent ones are null. */
export function searchValuesOf(attributes: TypedSearchAttributes): CommissionSearchValues {
  const due = attributes.get(CommissionNextDueAttribute);
  return {
    stage: attributes.get(CommissionStageAttribute) ?? '',
    title: attributes.get(CommissionTitleAttribute) ?? '',
    nextDueAt: due ? due.toISOString() : null,
    programmeId: attributes.get(ProgrammeIdAttribute) ?? null,
  };
}

/**
 * The values a commission opens with, for the API to start its workflow with: drafting, its title
 * and programme, and the earlier of its two report deadlines (the workflow opens those two at once:
 * kernel/deadline-book.ts). Each upsert is a history event and a visibility write on the server (a
 * third of a lifecycle's upserts was this one); should the workflow come to other values, it
 * upserts them as ever, so a difference here costs an upsert and nothing else.
 */
export function openingSearchAttributes(c: NewCommission): SearchAttributePair[] {
  const [nextDueAt] = [c.milestones.interimReportDueAt, c.milestones.finalReportDueAt]
    .map((d) => new Date(Date.parse(d)).toISOString())
    .sort();
  return (
    searchAttributePairs({ stage: 'drafting', title: c.title, nextDueAt, programmeId: c.programmeId })
      // A start takes no empty attribute.
      .filter((p) => p.value !== null)
  );
}
