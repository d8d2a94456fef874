import { HttpException } from '@nestjs/common';
import { problem, type Problem } from './problem';

/** An error that already knows its problem+json body. */
/** A 4xx: the request was refused before it changed anything (a refusal, a validation error). */
export function isRefusal(err: unknown): boolean {
  return err instanceof HttpException && err.getStatus() >= 400 && err.getStatus() < 500;
}

export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static badRequest(detail: string, errors?: Problem['errors']) {
    return new ProblemException(problem(400, detail, errors ? { errors } : {}));
  }
  static unauthenticated(detail: string) {
    return new ProblemException(problem(401, detail));
  }
  static forbidden(detail: string, stage?: string) {
    return new ProblemException(problem(403, detail, stage ? { stage } : {}));
  }
  static notFound(detail: string) {
    return new ProblemException(problem(404, detail));
  }
  static conflict(detail: string, stage?: string) {
    return new ProblemException(problem(409, detail, stage ? { stage } : {}));
  }
}
