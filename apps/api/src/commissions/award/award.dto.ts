import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { StorableText } from '../../input/fields';

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ example: 'The highest total: the strongest method at a fair price.' })
  @StorableText('reason')
  rationale!: string;

  @ApiPropertyOptional({ description: 'required when the bid is not the top-ranked one' })
  @IsOptional()
  @StorableText('reason')
  departureReason?: string;

  @ApiPropertyOptional({
    description: 'below-threshold only: an ISO 8601 duration of voluntary standstill, e.g. P10D or PT30S',
    example: 'P10D',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  voluntaryStandstill?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'A claim was issued in the High Court on 2 December' })
  @StorableText('reason')
  reason!: string;
}
