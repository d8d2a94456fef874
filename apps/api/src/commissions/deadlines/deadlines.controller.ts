import { Body, Controller, Get, Headers, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MoveDeadlineUpdate, type Actor, type CalendarSnapshot } from '@app/contracts';
import { refuseDateBeyondCalendar } from '../../calendar/calendar-years';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { mustRead, present } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { MoveDeadlineDto } from '../dto/commands.dto';
import { RemindersReadModel } from '../reminders-read-model';
import { presentReminders } from './reminders.presenter';

/** Due dates: moving one (with a reason), and what has been and will be sent about them. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('commissions/:id')
export class DeadlinesController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly reminders: RemindersReadModel,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @CommandEndpoint('deadlines', 'Move a due date; its reminders are planned afresh', ['officer'])
  async move(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: MoveDeadlineDto,
    @Headers('idempotency-key') key?: string,
  ) {
    refuseDateBeyondCalendar(this.calendar, dto.dueAt, 'dueAt', 'the due date cannot be moved there');
    const cmd = { actor, milestone: dto.milestone, dueAt: dto.dueAt, reason: dto.reason };
    return present(await this.commissions.command(id, MoveDeadlineUpdate, cmd, key), actor);
  }

  @Get('reminders')
  @ApiOperation({ summary: 'Scheduled and sent reminders, escalations and messages' })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('reminders', view, actor);
    return presentReminders(view, actor, await this.reminders.forCommission(id));
  }
}
