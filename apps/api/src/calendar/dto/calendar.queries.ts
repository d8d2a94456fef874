import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  PROCUREMENT_REGIMES,
  TENDER_PERIOD_GROUNDS,
  type ProcurementRegime,
  type TenderPeriodGround,
} from '@app/contracts';
import { booleanFromQuery, IsCalendarDay, IsInstant, IsIsoDuration } from './calendar-validators';

export class WorkingDaysQuery {
  @ApiProperty({ example: '2026-12-18', description: 'first day (London calendar), inclusive' })
  @IsCalendarDay()
  from!: string;

  @ApiProperty({ example: '2027-01-08', description: 'last day, inclusive; at most two years after from' })
  @IsCalendarDay()
  to!: string;

  @ApiProperty({ enum: PROCUREMENT_REGIMES, description: 'whose definition of a working day applies' })
  @IsIn(PROCUREMENT_REGIMES)
  regime!: ProcurementRegime;
}

export class StandstillQuery {
  @ApiProperty({ enum: PROCUREMENT_REGIMES })
  @IsIn(PROCUREMENT_REGIMES)
  regime!: ProcurementRegime;

  @ApiProperty({
    example: '2026-12-18T10:00:00+00:00',
    description: 'when the contract award notice is published (PA2023) or the award decision sent (PCR2015)',
  })
  @IsInstant()
  from!: string;

  @ApiPropertyOptional({
    example: 'P5D',
    description: 'below-threshold only: a voluntary standstill (ISO 8601 duration)',
  })
  @IsOptional()
  @IsIsoDuration()
  voluntary?: string;
}

export class TenderPeriodQuery {
  @ApiProperty({ enum: PROCUREMENT_REGIMES })
  @IsIn(PROCUREMENT_REGIMES)
  regime!: ProcurementRegime;

  @ApiProperty({
    example: '2026-11-26T10:00:00+00:00',
    description: 'when the tender notice is published (or sent)',
  })
  @IsInstant()
  publishedAt!: string;

  @ApiPropertyOptional({
    enum: TENDER_PERIOD_GROUNDS,
    description: 'a ground that shortens the minimum period',
  })
  @IsOptional()
  @IsIn(TENDER_PERIOD_GROUNDS)
  ground?: TenderPeriodGround;

  @ApiPropertyOptional({
    description: 'PA2023: not all tender documents are provided with the notice (30 days)',
  })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  documentsNotAllAtOnce?: boolean;

  @ApiPropertyOptional({ description: 'PCR2015: tenders cannot be submitted electronically (35 days)' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  tendersNotElectronic?: boolean;
}
