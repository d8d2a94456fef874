import { Module } from '@nestjs/common';
import { CommissionReadModel } from '../commissions/commission-read-model';
import { CommissionsService } from '../commissions/commissions.service';
import { CandidateCommissions } from './candidate-commissions';
import { MyTasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/**
 * `GET /v1/me/tasks` and the TasksService the web pages share. CommissionsModule does not export
 * its services yet, so they are provided here too (stateless: one client, one data source).
 */
@Module({
  controllers: [MyTasksController],
  providers: [CommissionsService, CommissionReadModel, CandidateCommissions, TasksService],
  exports: [CommissionsService, CommissionReadModel, TasksService],
})
export class TasksModule {}
