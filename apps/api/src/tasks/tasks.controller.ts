import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Actor } from '@app/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { TasksService } from './tasks.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyTasksController {
  constructor(
    private readonly tasks: TasksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('tasks')
  @ApiOperation({
    summary: 'What waits on the caller across commissions, most urgent first',
    description:
      'Decisions to make, specifications to write, revise or submit, and overdue deadlines on the ' +
      'commissions the caller is named on; each with its due date and the web page where it is done.',
  })
  @ApiOkResponse({ description: '`items`: tasks, earliest due date first, undated ones last' })
  async myTasks(@CurrentActor() actor: Actor) {
    const base = this.config.http.publicBaseUrl.replace(/\/$/, '');
    const tasks = await this.tasks.tasksFor(actor);
    return { items: tasks.map((t) => ({ ...t, url: `${base}${t.path}` })) };
  }
}
