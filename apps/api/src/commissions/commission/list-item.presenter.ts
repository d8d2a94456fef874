import type { CommissionRecord } from '@app/persistence';

/** The key dates a supplier may see: the reports' due dates, part of what is published. */
const SUPPLIER_KEY_DATES = ['interimReportDueAt', 'finalReportDueAt'];

/**
 * One row of a commission list: what a list needs, never the whole view. A supplier's rows leave
 * out the staff's own deadlines (the next one due, the panel's sign-off date), as its view does.
 */
export function presentListItem(c: CommissionRecord, asSupplier = false) {
  const keyDates = asSupplier ? supplierKeyDates(c.keyDates) : c.keyDates;
  return {
    id: c.id,
    title: c.title,
    programmeId: c.programmeId,
    regime: c.regime,
    stage: c.stage,
    version: c.version,
    specificationVersion: c.specificationVersion,
    keyDates,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A list row's key dates without the staff's own deadlines (the JSON list and the web page alike). */
export function supplierKeyDates(keyDates: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(keyDates).filter(([k]) => SUPPLIER_KEY_DATES.includes(k)));
}
