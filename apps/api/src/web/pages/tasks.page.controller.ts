import { Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Actor } from '@app/contracts';
import { TasksService } from '../../tasks/tasks.service';
import { CalendarTokens } from '../calendar-feed/calendar-token';
import { ROLE_LABELS } from '../presenters/labels';
import { taskListItems } from '../presenters/task-list';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { WebPages } from './web-pages.decorator';

/** My tasks: what waits on the signed-in person across commissions, most urgent first. */
@WebPages()
export class TasksPageController {
  constructor(
    private readonly tasks: TasksService,
    private readonly pages: PageRenderer,
    private readonly calendar: CalendarTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async myTasks(@WebActor() actor: Actor, @Req() req: Request & RequestWithSession, @Res() res: Response) {
    const now = new Date();
    this.pages.send(req, res, 'tasks.njk', {
      title: 'My tasks',
      currentNav: 'tasks',
      roles: actor.roles.map((r) => ROLE_LABELS[r]).join(', '),
      tasks: taskListItems(await this.tasks.tasksFor(actor, now), now),
      calendarFeed: `${this.config.http.publicBaseUrl.replace(/\/$/, '')}/calendar/${this.calendar.tokenFor(actor.userId)}.ics`,
    });
  }
}
