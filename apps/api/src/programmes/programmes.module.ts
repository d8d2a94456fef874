import { Module } from '@nestjs/common';
import { CommissionsModule } from '../commissions/commissions.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

// The web's programme page reads through the same service as the JSON API.
@Module({
  imports: [CommissionsModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
