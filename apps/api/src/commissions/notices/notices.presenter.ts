import {
  isPublished,
  kindOf,
  noticesOf,
  ocdsReleasePackage,
  readsAsSupplier,
  releaseOf,
  type Actor,
  type CommissionView,
  type OcdsOptions,
} from '@app/contracts';
import type { AppConfig } from '@app/config';
import { ProblemException } from '../../problem/problem.exception';

/** The buying department as OCDS names it (the letter's: one department commissions both studies). */
const BUYER = { id: 'commissioning-department', name: 'The commissioning department' };

/**
 * Staff read every notice of any commission; a supplier only those published, and only of a
 * commission that has published one (published data is public: a tender notice invites everyone).
 */
export function mustReadNotices(view: CommissionView, actor: Actor): { staff: boolean } {
  const staff = !readsAsSupplier(actor);
  if (!staff && !noticesOf(view).some(isPublished)) {
    throw ProblemException.notFound(`no commission with id ${view.id}`);
  }
  return { staff };
}

export function ocdsOptions(view: CommissionView, config: AppConfig, staff: boolean): OcdsOptions {
  return {
    ocidPrefix: config.ocds.ocidPrefix,
    packageUri: `${config.http.publicBaseUrl}/v1/commissions/${view.id}/ocds`,
    publisher: { name: 'Commissioning public studies', uri: config.http.publicBaseUrl },
    buyer: BUYER,
    at: new Date().toISOString(),
    staff,
  };
}

/** Each notice with its time, content and OCDS release; a supplier never sees who published it. */
export function presentNotices(view: CommissionView, options: OcdsOptions) {
  return noticesOf(view)
    .map((notice, index) => ({ notice, index }))
    .filter(({ notice }) => options.staff || isPublished(notice))
    .map(({ notice, index }) => ({
      type: notice.type,
      kind: kindOf(notice),
      regime: notice.regime,
      publishedAt: notice.publishedAt,
      published: isPublished(notice),
      ...(options.staff ? { publishedBy: notice.publishedBy } : {}),
      content: notice.content,
      ocds: releaseOf(view, notice, index, options),
    }));
}

export { ocdsReleasePackage };
