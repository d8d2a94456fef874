import { Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  SUPPLIER_STAGES,
  STAGES,
  canRead,
  readsAsSupplier,
  type Actor,
  type CommissionView,
  type Stage,
} from '@app/contracts';
import { isSupplierOnly } from '../../commissions/commission-presenter';
import { TimelineService } from '../../commissions/timeline/timeline.service';
import { ProblemException } from '../../problem/problem.exception';
import { TasksService } from '../../tasks/tasks.service';
import { commissionPage } from '../presenters/commission-page';
import { commissionRows } from '../presenters/commission-list';
import { supplierKeyDates } from '../../commissions/commission/list-item.presenter';
import { noticeRows, timelineSection } from '../presenters/oversight';
import { STAGE_LABELS } from '../presenters/labels';
import {
  asTenderDocument,
  previousVersion,
  readableVersion,
  specificationSection,
} from '../presenters/specification';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { CommissionAccess } from './commission-access';
import { doneBanner } from './done-banner';
import { WebPages } from './web-pages.decorator';

type WebRequest = Request & RequestWithSession;

/** The list of commissions, one commission's page, and one version of its specification. */
@WebPages('commissions')
export class CommissionsPageController {
  constructor(
    private readonly access: CommissionAccess,
    private readonly tasks: TasksService,
    private readonly pages: PageRenderer,
    private readonly timelines: TimelineService,
  ) {}

  @Get()
  async list(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() query: Record<string, string | undefined>,
  ) {
    const stage = STAGES.includes(query.stage as Stage) ? (query.stage as Stage) : undefined;
    const q = query.q?.trim().slice(0, 200) || undefined;
    const mine = query.show === 'mine' ? true : undefined;
    const awaiting = query.show === 'awaiting-me' ? ('me' as const) : undefined;
    const supplier = isSupplierOnly(actor);
    const stages = supplier ? SUPPLIER_STAGES.filter((s) => !stage || s === stage) : stage && [stage];
    const ids = await this.tasks.commissionIdsFor(actor, { mine, awaiting });
    const page =
      ids === null
        ? await this.access.list({
            stages,
            publicOnly: supplier,
            q,
            limit: 25,
            cursor: cursorOf(query.cursor),
          })
        : await this.access.list({ stages, publicOnly: supplier, q, limit: 100 }).then((p) => ({
            items: p.items.filter((c) => ids.includes(c.id)),
            nextCursor: null,
          }));
    const filters = new URLSearchParams(
      Object.entries({ stage, q, show: query.show }).filter(([, v]) => !!v) as [string, string][],
    );
    this.pages.send(req, res, 'commissions.njk', {
      title: 'Commissions',
      currentNav: 'commissions',
      // A supplier is not shown the staff's own deadlines (the JSON list leaves them out too).
      rows: commissionRows(
        supplier ? page.items.map((c) => ({ ...c, keyDates: supplierKeyDates(c.keyDates) })) : page.items,
      ),
      filters: { stage: stage ?? '', q: q ?? '', show: mine ? 'mine' : awaiting ? 'awaiting-me' : 'all' },
      stageItems: [
        { value: '', text: 'Any stage' },
        ...STAGES.map((s) => ({ value: s, text: STAGE_LABELS[s].text, selected: s === stage })),
      ],
      next: page.nextCursor ? `/commissions?${withCursor(filters, page.nextCursor)}` : null,
    });
  }

  @Get(':id')
  async commission(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done?: string,
  ) {
    const view = await this.access.view(id, actor);
    const now = new Date();
    const specification = await this.readableSection(view, actor, view.specification.currentVersion);
    const history = canRead('history', view, actor) ? await this.access.history(id) : [];
    const page = commissionPage(view, actor, { history, specification, now });
    this.pages.send(req, res, 'commission.njk', {
      title: view.title,
      currentNav: 'commissions',
      page,
      oversight: await this.oversight(view, actor),
      banner: doneBanner(done),
    });
  }

  /** Staff only: whether the dates will be met, and the notices issued (both staff parts of the API). */
  private async oversight(view: CommissionView, actor: Actor) {
    if (readsAsSupplier(actor)) return null;
    const timeline = await this.timelines.timelineOf(view).catch((err: unknown) => {
      // A timetable beyond the bank-holiday data cannot be planned: the page says so instead.
      if (err instanceof ProblemException && err.problem.status === 409) return null;
      throw err;
    });
    return { timeline: timeline && timelineSection(timeline), notices: noticeRows(view) };
  }

  @Get(':id/specification/versions/:version')
  async version(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    const view = await this.access.view(id, actor);
    const specification = await this.readableSection(view, actor, version);
    if (!specification) throw ProblemException.notFound(`no specification version ${version}`);
    this.pages.send(req, res, 'version.njk', {
      title: `Version ${version} of the specification – ${view.title}`,
      currentNav: 'commissions',
      commission: { id: view.id, title: view.title },
      specification,
    });
  }

  /** Version `wanted` as this person may read it: staff as written, anyone else the tender document only. */
  private async readableSection(view: CommissionView, actor: Actor, wanted: number | null) {
    const version = readableVersion(view, actor, wanted);
    const section = version === null ? null : await this.section(view.id, view, version);
    return section && !canRead('specification', view, actor) ? asTenderDocument(section) : section;
  }

  private async section(id: string, view: Parameters<typeof specificationSection>[0], version: number) {
    if (!view.specification.versions.some((v) => v.version === version)) return null;
    const before = previousVersion(view, version);
    const [shown, previous] = await Promise.all([
      this.access.specificationText(id, version),
      before === null ? Promise.resolve(null) : this.access.specificationText(id, before),
    ]);
    return specificationSection(view, version, { shown, previous });
  }
}

function cursorOf(value: string | undefined): string | undefined {
  return value && value.length <= 500 ? value : undefined;
}

function withCursor(filters: URLSearchParams, cursor: string): string {
  const params = new URLSearchParams(filters);
  params.set('cursor', cursor);
  return params.toString();
}
