import { TENDER_NOTICE_TYPES, type Notice } from '../tender/tender';
import { AWARD_NOTICE_TYPES, CONTRACT_NOTICE_TYPES, type AwardNotice } from '../award/award';
import type { CommissionView } from '../commission';
import {
  CONTRACT_TERMINATION_NOTICE_TYPES,
  TERMINATION_NOTICE_TYPES,
  type ContractTerminationNotice,
  type TerminationNotice,
} from './termination';

export type AnyNotice = Notice | AwardNotice | TerminationNotice | ContractTerminationNotice;

/** What each notice is, for OCDS: the release tag and the document type it is published as. */
export type NoticeKind = 'tender' | 'award' | 'contract' | 'termination' | 'contract-termination';

export function kindOf(notice: AnyNotice): NoticeKind {
  const type = notice.type as string;
  if ((Object.values(TENDER_NOTICE_TYPES) as string[]).includes(type)) return 'tender';
  if ((Object.values(AWARD_NOTICE_TYPES) as string[]).includes(type)) return 'award';
  if ((Object.values(CONTRACT_NOTICE_TYPES) as string[]).includes(type)) return 'contract';
  if ((Object.values(TERMINATION_NOTICE_TYPES) as string[]).includes(type)) return 'termination';
  if ((Object.values(CONTRACT_TERMINATION_NOTICE_TYPES) as string[]).includes(type))
    return 'contract-termination';
  throw new RangeError(`unknown notice type ${type}`);
}

/**
 * Records kept for the audit but never published: below threshold there is no award notice
 * (PA2023 s.50 covers public contracts only) and no termination notice (s.55 likewise); a
 * contract's end is published under PA2023 s.80 only (public contracts; PCR2015 has no such notice).
 */
export const UNPUBLISHED_NOTICE_TYPES: readonly string[] = [
  AWARD_NOTICE_TYPES['below-threshold'],
  TERMINATION_NOTICE_TYPES['below-threshold'],
  CONTRACT_TERMINATION_NOTICE_TYPES.PCR2015,
  CONTRACT_TERMINATION_NOTICE_TYPES['below-threshold'],
];

export function isPublished(notice: AnyNotice): boolean {
  return !UNPUBLISHED_NOTICE_TYPES.includes(notice.type);
}

/** Every notice the commission has issued, oldest first (earlier tenders' included). */
export function noticesOf(view: CommissionView): AnyNotice[] {
  return [...(view.notices ?? [])].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}
