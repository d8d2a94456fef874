import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { ProblemException } from './problem.exception';

/** Seconds a client should wait before retrying a 503: about what a database restart takes. */
const RETRY_AFTER_S = 2;

/**
 * Every error leaves as problem+json; anything unexpected is logged and answered with a bare 500,
 * except the database being out of reach, a 503 worth retrying.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = { ...this.toProblem(exception), instance: req.originalUrl };
    if (body.status >= 500) this.logger.error(exception);
    if (body.status === 503 && !res.getHeader('Retry-After'))
      res.setHeader('Retry-After', String(RETRY_AFTER_S));
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return problem(status, message);
    }
    // Body-parser errors carry their HTTP status: malformed JSON, a body over the limit.
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      if (type === 'entity.too.large') return problem(413, 'the request body is too large');
      if (type === 'entity.parse.failed') return problem(400, 'the request body is not valid JSON');
      return problem(status, (exception as Error).message);
    }
    if (isDatabaseUnavailable(exception)) {
      return problem(
        503,
        'the database did not answer; retry shortly (with the same Idempotency-Key, a command is applied at most once)',
      );
    }
    return problem(500, 'an unexpected error occurred; it has been logged');
  }
}
