import { canRead, type Actor, type CommissionView } from '@app/contracts';
import { londonDateTime } from '../time/london-time';
import { renderMarkdown } from './markdown';
import { diffHtml } from './text-diff';

export interface SpecificationSection {
  version: number;
  /** Null when shown as the tender document (`asTenderDocument`). */
  author: string | null;
  writtenAt: string;
  html: string;
  /** The changes from the version before, when there is one. */
  diff: { against: number; html: string; changed: boolean } | null;
  changeRequests: { member: string; comment: string; at: string }[];
  versions: {
    version: number;
    author: string;
    writtenAt: string;
    href: string;
    shown: boolean;
    changesRequested: boolean;
  }[];
}

/**
 * One version of the specification as a page shows it: rendered, compared with the one before, and
 * with the changes the panel asked for on it. `content(v)` is the text of version v.
 */
export function specificationSection(
  view: CommissionView,
  shown: number,
  content: { shown: string; previous: string | null },
): SpecificationSection | null {
  const summary = view.specification.versions.find((v) => v.version === shown);
  if (!summary) return null;
  const previous = view.specification.versions.filter((v) => v.version < shown).at(-1);
  return {
    version: shown,
    author: summary.author.name,
    writtenAt: londonDateTime(summary.createdAt),
    html: renderMarkdown(content.shown),
    diff:
      previous && content.previous !== null
        ? { against: previous.version, ...diffHtml(content.previous, content.shown) }
        : null,
    changeRequests: summary.changeRequests.map((c) => ({
      member: c.member.name,
      comment: c.comment,
      at: londonDateTime(c.at),
    })),
    versions: [...view.specification.versions].reverse().map((v) => ({
      version: v.version,
      author: v.author.name,
      writtenAt: londonDateTime(v.createdAt),
      href: `/commissions/${view.id}/specification/versions/${v.version}`,
      shown: v.version === shown,
      changesRequested: v.changeRequests.length > 0,
    })),
  };
}

/**
 * The version of the specification this person may read: staff any (`current` on the commission
 * page); anyone else only the tender document, the version the published tender was issued with.
 */
export function readableVersion(view: CommissionView, actor: Actor, wanted: number | null): number | null {
  if (canRead('specification', view, actor)) return wanted;
  const published = canRead('tender', view, actor) ? view.tender?.document.specificationVersion : undefined;
  return published !== undefined && (wanted === null || wanted === published) ? published : null;
}

/**
 * The specification as a bidder reads it: the tender document's text, with nothing of how it was
 * drafted (who wrote it, the earlier versions, the panel's requests: READ_RULES keep those to staff).
 */
export function asTenderDocument(section: SpecificationSection): SpecificationSection {
  return { ...section, author: null, diff: null, changeRequests: [], versions: [] };
}

/** The version before `version`, if any: the one a diff compares against. */
export function previousVersion(view: CommissionView, version: number): number | null {
  return view.specification.versions.filter((v) => v.version < version).at(-1)?.version ?? null;
}
