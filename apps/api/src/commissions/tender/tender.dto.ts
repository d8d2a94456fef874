import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CRITERION_KINDS,
  TENDER_PERIOD_GROUNDS,
  type CriterionKind,
  type TenderPeriodGround,
} from '@app/contracts';
import { NestedArray, NestedObject } from '../../input/fields';
import { IsDateTimeWithOffset, IsEvaluationPeriod } from '../dto/validators';

export class CriterionDto {
  @ApiProperty({ example: 'Quality of the method' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: CRITERION_KINDS })
  @IsIn(CRITERION_KINDS)
  kind!: CriterionKind;

  @ApiProperty({ description: 'percent; the weights sum to 100', example: 70 })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;
}

export class ShortenedPeriodDto {
  @ApiProperty({ enum: TENDER_PERIOD_GROUNDS })
  @IsIn(TENDER_PERIOD_GROUNDS)
  ground!: TenderPeriodGround;

  @ApiProperty({ example: 'A planned procurement notice was published on 1 September' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  justification!: string;
}

export class PublishTenderDto {
  @ApiProperty({ example: '2027-02-26T12:00:00Z' })
  @IsDateTimeWithOffset()
  closesAt!: string;

  @ApiProperty({ example: '2027-02-19T12:00:00Z', description: 'before closesAt' })
  @IsDateTimeWithOffset()
  clarificationsCloseAt!: string;

  @ApiProperty({ type: [CriterionDto] })
  @NestedArray(() => CriterionDto, { min: 1, max: 20 })
  criteria!: CriterionDto[];

  @ApiPropertyOptional({ type: ShortenedPeriodDto })
  @IsOptional()
  @NestedObject(() => ShortenedPeriodDto)
  shortenedPeriod?: ShortenedPeriodDto;

  @ApiPropertyOptional({
    example: 'P10D',
    description:
      'the panel’s time to score once the tender closes (ISO 8601 duration); the scoring deadline is the close plus this. Default: EVALUATION_PERIOD (P10D)',
  })
  @IsOptional()
  @IsEvaluationPeriod()
  evaluationPeriod?: string;
}

export class ReopenDto {
  @ApiProperty({ example: 'No bids: re-draft the specification with a wider scope' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
