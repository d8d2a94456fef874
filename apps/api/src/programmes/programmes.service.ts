import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { CommissionRecord, ProgrammeRecord } from '@app/persistence';
import {
  ID_GRAMMAR,
  TEXT_LIMITS,
  actorRef,
  canRead,
  programmeGraph,
  readsAsSupplier,
  viewFor,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { TimelineService } from '../commissions/timeline/timeline.service';
import { problem } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';
import type { CreateProgrammeDto } from './programme.dto';

/** How many commissions one programme shows; a programme is a handful of studies, not a register. */
export const PROGRAMME_COMMISSIONS_SHOWN = 200;

/** "Children’s services 2027" → "children-s-services-2027". */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return ID_GRAMMAR.test(slug) ? slug : 'programme';
}

function present(p: ProgrammeRecord) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly timelines: TimelineService,
  ) {}

  async create(actor: Actor, dto: CreateProgrammeDto) {
    const record = this.ds.getRepository(ProgrammeRecord).create({
      id: (dto.id ?? slugOf(dto.name)).slice(0, TEXT_LIMITS.id),
      name: dto.name,
      description: dto.description ?? '',
      createdBy: actorRef(actor),
      createdAt: new Date(),
    });
    try {
      await this.ds.getRepository(ProgrammeRecord).insert(record);
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw new ProblemException(
          problem(409, `a programme with id ${record.id} exists already; give another id`, {
            code: 'programme-exists',
            programmeId: record.id,
          }),
        );
      }
      throw err;
    }
    return { ...present(record), commissions: [], graph: { nodes: [], edges: [] }, blocking: [] };
  }

  async list() {
    const rows = await this.ds
      .getRepository(ProgrammeRecord)
      .find({ order: { createdAt: 'ASC' }, take: 200 });
    return { items: rows.map(present) };
  }

  /** The programme with its commissions as the caller may see them, their graph and what blocks what. */
  async get(actor: Actor, id: string) {
    const programme = await this.ds.getRepository(ProgrammeRecord).findOneBy({ id });
    if (!programme) throw ProblemException.notFound(`no programme with id ${id}`);
    const rows = await this.ds.getRepository(CommissionRecord).find({
      where: { programmeId: id },
      order: { createdAt: 'ASC' },
      take: PROGRAMME_COMMISSIONS_SHOWN,
    });
    const visible = rows
      .map((r) => r.view)
      .filter((v): v is CommissionView => v !== null && viewFor(v, actor) !== null);
    const { commissions, ...graph } = programmeGraph(visible, !readsAsSupplier(actor));
    const byId = new Map(visible.map((v) => [v.id, v]));
    const at = new Date().toISOString();
    const shown = await Promise.all(
      commissions.map(async (c) => {
        const view = byId.get(c.id)!;
        // The timeline reads the deadlines: whoever may not read them (suppliers) gets no verdict.
        if (!canRead('deadlines', view, actor)) return c;
        return { ...c, ...(await this.timelines.verdictFor(view, at)) };
      }),
    );
    return { ...present(programme), commissions: shown, ...graph };
  }
}
