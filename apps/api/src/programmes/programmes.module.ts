import { Module } from '@nestjs/common';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

// The web's programme page reads through the same service as the JSON API.
@Module({ controllers: [ProgrammesController], providers: [ProgrammesService], exports: [ProgrammesService] })
export class ProgrammesModule {}
