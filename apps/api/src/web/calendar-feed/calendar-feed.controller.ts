import { Controller, Get, Header, Inject, Req, VERSION_NEUTRAL } from '@nestjs/common';
import type { Request } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ProblemException } from '../../problem/problem.exception';
import { Public } from '../../auth/auth.decorators';
import { CommissionReadModel } from '../../commissions/commission-read-model';
import { CalendarTokens } from './calendar-token';
import { feedEvents } from './feed-events';

/** The most open commissions one feed lists; beyond it the oldest are left out. */
const FEED_LIMIT = 200;

/**
 * `GET /calendar/<token>.ics`: the due dates of the open commissions a person is named on, as an
 * iCalendar feed their calendar app subscribes to (the address is on their My tasks page).
 */
@Controller({ path: 'calendar', version: VERSION_NEUTRAL })
@ApiExcludeController()
@Public()
export class CalendarFeedController {
  constructor(
    private readonly tokens: CalendarTokens,
    private readonly readModel: CommissionReadModel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // The whole last segment, `.ics` included, is read from the request and checked here, not
  // through @Param: the global pipe allows only lower-case ids there, and a token is base64url.
  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  async feed(@Req() req: Request): Promise<string> {
    const file = String(req.params.file);
    const userId = file.endsWith('.ics') ? this.tokens.userOf(file.slice(0, -'.ics'.length)) : null;
    // The same answer for a forged token as for an unknown path: nothing to learn by guessing.
    if (!userId) throw ProblemException.notFound('calendar feed');
    const views = await this.readModel.openViewsOf(userId, FEED_LIMIT);
    return feedEvents(views, this.config.http.publicBaseUrl);
  }
}
