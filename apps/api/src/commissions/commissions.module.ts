import { Module } from '@nestjs/common';
import { CommissionReadModel } from './commission-read-model';
import { CommissionsController } from './commissions.controller';
import { CommissionsService } from './commissions.service';
import { RemindersReadModel } from './reminders-read-model';

@Module({
  controllers: [CommissionsController],
  providers: [CommissionsService, CommissionReadModel, RemindersReadModel],
})
export class CommissionsModule {}
