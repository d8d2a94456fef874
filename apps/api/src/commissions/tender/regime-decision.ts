import {
  deriveRegime,
  formatLongDate,
  londonDateOf,
  regimeContradiction,
  type Regime,
  type RegimeBasis,
} from '@app/contracts';

export interface RegimeDecision {
  regime: Regime;
  basis: RegimeBasis;
  /** Field problems: a contradiction without a justification. */
  problems: { field: string; message: string }[];
}

/**
 * The regime of a new commission, decided once when it opens (its procurement begins that day):
 * derived from the estimated value and the day when none is chosen; a chosen one that contradicts
 * them must come with a justification, recorded beside it.
 */
export function decideRegime(
  chosen: Regime | undefined,
  estimatedValue: number | undefined,
  justification: string | undefined,
  now: Date,
): RegimeDecision {
  const day = londonDateOf(now.toISOString());
  const decidedOn = day;
  if (!chosen) {
    if (estimatedValue === undefined) {
      return {
        regime: 'PA2023',
        basis: {
          source: 'default',
          reason: `no estimated value was given; the Procurement Act 2023 is assumed for a procurement begun on ${formatLongDate(day)}`,
          contradiction: null,
          justification: null,
          decidedOn,
        },
        problems: [],
      };
    }
    const derived = deriveRegime(estimatedValue, day);
    return {
      regime: derived.regime,
      basis: {
        source: 'derived',
        reason: derived.reason,
        contradiction: null,
        justification: null,
        decidedOn,
      },
      problems: [],
    };
  }
  const contradiction = regimeContradiction(chosen, estimatedValue ?? null, day);
  const problems =
    contradiction && !justification?.trim()
      ? [{ field: 'regimeJustification', message: `needed: ${contradiction}` }]
      : [];
  return {
    regime: chosen,
    basis: {
      source: 'chosen',
      reason: contradiction ?? `${chosen} was chosen, consistent with the value and the date`,
      contradiction,
      justification: contradiction ? (justification?.trim() ?? null) : null,
      decidedOn,
    },
    problems,
  };
}
