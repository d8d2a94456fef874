import { Module } from '@nestjs/common';
import { CommissionController } from './commission/commission.controller';
import { CommissionReadModel } from './commission-read-model';
import { CommissionsService } from './commissions.service';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { HistoryController } from './history/history.controller';
import { RemindersReadModel } from './reminders-read-model';
import { SignOffsController } from './sign-offs/sign-offs.controller';
import { SpecificationController } from './specification/specification.controller';

/** The commission and its sub-resources, one controller each. */
@Module({
  controllers: [
    CommissionController,
    SpecificationController,
    SignOffsController,
    DeadlinesController,
    HistoryController,
  ],
  providers: [CommissionsService, CommissionReadModel, RemindersReadModel],
  exports: [CommissionsService, CommissionReadModel],
})
export class CommissionsModule {}
