import { Module } from '@nestjs/common';
import { CommissionsModule } from '../commissions/commissions.module';
import { CandidateCommissions } from './candidate-commissions';
import { MyTasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** `GET /v1/me/tasks` and the TasksService the web pages share. */
@Module({
  imports: [CommissionsModule],
  controllers: [MyTasksController],
  providers: [CandidateCommissions, TasksService],
  exports: [CommissionsModule, TasksService],
})
export class TasksModule {}
