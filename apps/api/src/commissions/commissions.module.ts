import { Module } from '@nestjs/common';
import { CommissionReadModel } from './commission-read-model';
import { CommissionsController } from './commissions.controller';
import { CommissionsService } from './commissions.service';

@Module({
  controllers: [CommissionsController],
  providers: [CommissionsService, CommissionReadModel],
})
export class CommissionsModule {}
