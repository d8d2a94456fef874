import type { CommissionView } from '../commission';
import { isPublished, kindOf, noticesOf, type AnyNotice } from './published';
import type { ContractTerminationNotice } from './termination';

/*
 * OCDS 1.1 (https://standard.open-contracting.org/1.1/en/): one release per notice, in one
 * release package, with the UK extension's fields Find a Tender publishes (noticeType on each
 * notice's document, tender.aboveThreshold, awards[].standstillPeriod and
 * assessmentSummariesDateSent). Pure: the API passes the clock, the ocid prefix and the publisher.
 */

export const OCDS_VERSION = '1.1';

/** The extensions whose fields the releases use (declared in the package, never fetched here). */
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json',
];

export interface OcdsOptions {
  /** e.g. `ocds-b5fd17`: the publisher's registered prefix (OCDS_OCID_PREFIX). */
  ocidPrefix: string;
  /** Where this package is served (its `uri`). */
  packageUri: string;
  publisher: { name: string; uri?: string };
  buyer: { id: string; name: string };
  /** When the package is made: decides whether a report due date has passed (notMet). */
  at: string;
  /** Staff see the planning release (budget, report dates) and the implementation; suppliers do not. */
  staff: boolean;
}

type Json = Record<string, unknown>;

export function ocidOf(prefix: string, commissionId: string): string {
  return `${prefix}-${commissionId}`;
}

function noticeDocument(
  ocid: string,
  n: AnyNotice,
  index: number,
  documentType: string,
  title: string,
): Json {
  return {
    id: `${ocid}-notice-${index + 1}`,
    documentType,
    title,
    datePublished: n.publishedAt,
    noticeType: n.type,
  };
}

/** The release one notice publishes. `index` numbers the commission's notices from 0. */
export function releaseOf(view: CommissionView, notice: AnyNotice, index: number, opts: OcdsOptions): Json {
  const ocid = ocidOf(opts.ocidPrefix, view.id);
  const base = {
    ocid,
    id: `${ocid}-${notice.type}-${index + 1}`,
    date: notice.publishedAt,
    initiationType: 'tender',
    language: 'en',
    buyer: opts.buyer,
  };
  const buyerParty = { id: opts.buyer.id, name: opts.buyer.name, roles: ['buyer'] };
  const aboveThreshold = view.regime !== 'below-threshold';
  switch (kindOf(notice)) {
    case 'tender': {
      const c = (notice as Extract<AnyNotice, { content: { closesAt: string } }>).content;
      return {
        ...base,
        tag: ['tender'],
        parties: [buyerParty],
        tender: {
          id: `${ocid}-tender`,
          title: c.title,
          description: c.description,
          status: 'active',
          procurementMethod: 'open',
          mainProcurementCategory: 'services',
          awardCriteria: 'ratedCriteria',
          awardCriteriaDetails: c.criteria.map((x) => `${x.name} (${x.kind}) ${x.weight}%`).join('; '),
          submissionMethod: ['electronicSubmission'],
          tenderPeriod: { startDate: notice.publishedAt, endDate: c.closesAt },
          enquiryPeriod: { startDate: notice.publishedAt, endDate: c.clarificationsCloseAt },
          hasEnquiries: (view.clarifications ?? []).length > 0,
          aboveThreshold,
          documents: [noticeDocument(ocid, notice, index, 'tenderNotice', 'Tender notice')],
        },
      };
    }
    case 'award': {
      const c = (
        notice as AnyNotice & { content: { supplier: string; value: number; standstillEndsAt?: string } }
      ).content;
      const supplier = view.award?.supplier;
      const supplierRef = { id: supplier?.userId ?? c.supplier, name: c.supplier };
      return {
        ...base,
        tag: ['award'],
        parties: [buyerParty, { ...supplierRef, roles: ['supplier'] }],
        awards: [
          {
            id: `${ocid}-award`,
            title: c.title,
            status: 'active',
            date: notice.publishedAt,
            value: { amount: c.value, currency: 'GBP' },
            suppliers: [supplierRef],
            documents: [noticeDocument(ocid, notice, index, 'awardNotice', 'Contract award notice')],
            ...(c.standstillEndsAt && c.standstillEndsAt !== notice.publishedAt
              ? { standstillPeriod: { startDate: notice.publishedAt, endDate: c.standstillEndsAt } }
              : {}),
            // The summaries go out in the same event as the award (PA2023 s.50(2)).
            assessmentSummariesDateSent: view.award?.awardedAt ?? notice.publishedAt,
          },
        ],
      };
    }
    case 'contract': {
      const c = (notice as AnyNotice & { content: { supplier: string; value: number; startDate?: string } })
        .content;
      return {
        ...base,
        tag: ['contract'],
        parties: [buyerParty],
        contracts: [
          {
            ...contractEntry(ocid, c, 'active'),
            ...(c.startDate ? { period: { startDate: c.startDate }, dateSigned: c.startDate } : {}),
            documents: [noticeDocument(ocid, notice, index, 'contractNotice', 'Contract details notice')],
          },
        ],
      };
    }
    case 'termination': {
      const c = (notice as AnyNotice & { content: { reason: string } }).content;
      return {
        ...base,
        tag: ['tenderCancellation'],
        parties: [buyerParty],
        tender: {
          id: `${ocid}-tender`,
          status: 'cancelled',
          aboveThreshold,
          documents: [
            {
              ...noticeDocument(ocid, notice, index, 'tenderNotice', 'Procurement termination notice'),
              description: c.reason,
            },
          ],
        },
      };
    }
    case 'contract-termination': {
      const c = (notice as ContractTerminationNotice).content;
      return {
        ...base,
        tag: ['contractTermination'],
        parties: [buyerParty],
        contracts: [
          {
            ...contractEntry(ocid, c, 'terminated'),
            documents: [
              {
                ...noticeDocument(ocid, notice, index, 'contractNotice', 'Contract termination notice'),
                description: c.reason,
              },
            ],
          },
        ],
      };
    }
  }
}

/** The OCDS contract a contract notice or its termination describes (its one award's). */
function contractEntry(ocid: string, c: { title: string; value: number }, status: string): Json {
  return {
    id: `${ocid}-contract`,
    awardID: `${ocid}-award`,
    title: c.title,
    status,
    value: { amount: c.value, currency: 'GBP' },
  };
}

/** reporting milestones: met when accepted, notMet once due and not met, else scheduled. */
function reportMilestones(view: CommissionView, at: string): Json[] {
  return (['interim', 'final'] as const).map((kind) => {
    const dueDate =
      kind === 'interim' ? view.milestones.interimReportDueAt : view.milestones.finalReportDueAt;
    const gate = view.gatesMet?.[kind === 'interim' ? 'interim-report-accepted' : 'final-report-accepted'];
    const deadline = (view.deadlines ?? []).find((d) => d.milestone === `${kind}-report`);
    const metAt = gate?.at ?? (deadline?.closedReason === 'met' ? deadline.metAt : null);
    const status = metAt ? 'met' : Date.parse(dueDate) < Date.parse(at) ? 'notMet' : 'scheduled';
    return {
      id: `${kind}-report`,
      title: kind === 'interim' ? 'Interim report' : 'Final report',
      type: 'reporting',
      dueDate,
      status,
      ...(metAt ? { dateMet: metAt } : {}),
    };
  });
}

/** The package of what the caller may see: published notices; staff also planning and implementation. */
export function ocdsReleasePackage(view: CommissionView, opts: OcdsOptions): Json {
  const ocid = ocidOf(opts.ocidPrefix, view.id);
  const all = noticesOf(view);
  const releases: Json[] = all
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => opts.staff || isPublished(n))
    .map(({ n, i }) => releaseOf(view, n, i, opts));
  if (opts.staff) {
    releases.unshift({
      ocid,
      id: `${ocid}-planning`,
      date: view.createdAt,
      tag: ['planning'],
      initiationType: 'tender',
      language: 'en',
      buyer: opts.buyer,
      parties: [{ ...opts.buyer, roles: ['buyer'] }],
      planning: {
        rationale: view.description,
        ...(view.estimatedValue != null
          ? { budget: { amount: { amount: view.estimatedValue, currency: 'GBP' } } }
          : {}),
        milestones: reportMilestones(view, opts.at),
      },
      tender: { id: `${ocid}-tender`, title: view.title, status: 'planning' },
    });
    if (view.contract) {
      releases.push({
        ocid,
        id: `${ocid}-implementation-v${view.version}`,
        date: view.updatedAt,
        tag: ['implementation'],
        initiationType: 'tender',
        language: 'en',
        buyer: opts.buyer,
        contracts: [
          {
            id: `${ocid}-contract`,
            awardID: `${ocid}-award`,
            status: view.stage === 'completed' ? 'terminated' : 'active',
            implementation: { milestones: reportMilestones(view, opts.at) },
          },
        ],
      });
    }
  }
  const dates = releases.map((r) => r.date as string).sort();
  return {
    uri: opts.packageUri,
    version: OCDS_VERSION,
    extensions: OCDS_EXTENSIONS,
    publishedDate: dates[dates.length - 1] ?? view.updatedAt,
    publisher: opts.publisher,
    releases,
  };
}
