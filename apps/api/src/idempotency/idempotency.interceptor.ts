import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import { DataSource, Repository } from 'typeorm';
import { IdempotencyKeyRecord } from '@app/persistence';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { isRefusal, ProblemException } from '../problem/problem.exception';

const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,200}$/;
/** A claim older than this belongs to a request that died with its process; a retry may take it over. */
const LEASE_MS = 30_000;

/**
 * `Idempotency-Key` on a POST: the first request with a key is answered and its answer stored;
 * a repeat with the same body gets that stored answer and changes nothing; a repeat with another
 * body, or while the first is still being answered, is a 409. Keys belong to the caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined || !req.actor) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw ProblemException.badRequest('Idempotency-Key must be 1–200 letters, digits or _.:-', [
        { field: 'Idempotency-Key', message: 'invalid format' },
      ]);
    }
    const res = ctx.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? 201;
    return from(this.handle(req, res, req.actor.userId, key, status, next));
  }

  private async handle(
    req: Request,
    res: Response,
    principal: string,
    key: string,
    status: number,
    next: CallHandler,
  ) {
    const repo = this.ds.getRepository(IdempotencyKeyRecord);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.path}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    // A refused first request frees its key; a racer that lost the claim to it may then find no
    // row at all, and simply claims again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const claimed = await repo
        .createQueryBuilder()
        .insert()
        .values({ principal, key, method: req.method, path: req.path, requestHash })
        .orIgnore()
        .returning(['key'])
        .execute();
      if (claimed.raw.length > 0) return this.answer(repo, principal, key, status, next);
      const first = await repo.findOneBy({ principal, key });
      if (!first) continue;
      if (first.requestHash !== requestHash) {
        throw ProblemException.conflict('this Idempotency-Key was used with a different request');
      }
      if (first.statusCode === null) {
        if (!(await this.takeOverDeadClaim(repo, first))) {
          throw ProblemException.conflict(
            'the first request with this Idempotency-Key is still being answered; retry in a few seconds',
          );
        }
        return this.answer(repo, principal, key, status, next);
      }
      res.status(first.statusCode).setHeader('Idempotent-Replayed', 'true');
      return lastValueFrom(of(first.responseBody));
    }
    throw ProblemException.conflict(
      'this Idempotency-Key is being claimed and released by other requests; retry',
    );
  }

  /** Claims older than the lease belong to a request whose process died; one retry may take over. */
  private async takeOverDeadClaim(
    repo: Repository<IdempotencyKeyRecord>,
    claim: IdempotencyKeyRecord,
  ): Promise<boolean> {
    if (Date.now() - claim.createdAt.getTime() <= LEASE_MS) return false;
    const taken = await repo
      .createQueryBuilder()
      .update()
      .set({ createdAt: () => 'now()' })
      // Compared in the database: only one racer can move an expired claim forward.
      .where('principal = :principal AND key = :key AND status_code IS NULL', {
        principal: claim.principal,
        key: claim.key,
      })
      .andWhere(`created_at < now() - make_interval(secs => :lease)`, { lease: LEASE_MS / 1000 })
      .execute();
    return taken.affected === 1;
  }

  private async answer(
    repo: Repository<IdempotencyKeyRecord>,
    principal: string,
    key: string,
    status: number,
    next: CallHandler,
  ) {
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      await repo.update({ principal, key }, { statusCode: status, responseBody: body as object });
      return body;
    } catch (err) {
      // A refused request is not a result to replay, and changed nothing: free the key for a
      // corrected retry.
      if (isRefusal(err)) {
        await repo.delete({ principal, key });
        throw err;
      }
      // An unknown outcome (a 503, a failed call) may have changed the commission: the key stays
      // bound to this request, so a retry of it goes through at once (the workflow applies it at
      // most once) and another request with the same key is still a 409.
      await this.releaseClaim(repo, principal, key);
      throw err;
    }
  }

  /** Ends a claim at once, as if its lease had run out: the next retry of the same request takes it over. */
  private async releaseClaim(repo: Repository<IdempotencyKeyRecord>, principal: string, key: string) {
    await repo
      .createQueryBuilder()
      .update()
      .set({ createdAt: () => `now() - make_interval(secs => ${LEASE_MS / 1000 + 1})` })
      .where('principal = :principal AND key = :key AND status_code IS NULL', { principal, key })
      .execute();
  }
}
