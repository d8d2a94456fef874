import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DECISIONS, MILESTONES, type Decision, type Milestone } from '@app/contracts';
import { StorableText } from '../../input/fields';
import { IsDateTimeWithOffset } from './validators';

export class SpecificationDto {
  @ApiProperty({ description: 'markdown', example: '# Scope\n\nThe study will…' })
  @StorableText('markdown')
  content!: string;
}

export class SubmitSpecificationDto {
  @ApiProperty({ example: '2027-01-15T17:00:00Z' })
  @IsDateTimeWithOffset()
  respondBy!: string;
}

export class SignOffDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: Decision;

  @ApiProperty({ description: 'the exact version being decided on', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  specificationVersion!: number;

  @ApiPropertyOptional({ description: 'required when requesting changes' })
  @IsOptional()
  @StorableText('comment', { blankAsAbsent: true })
  comment?: string;
}

export class ConflictDto {
  @ApiProperty({ description: 'the supplier the member must not score' })
  @StorableText('name')
  supplier!: string;

  @ApiProperty()
  @StorableText('reason')
  reason!: string;
}

export class CancelDto {
  @ApiProperty()
  @StorableText('reason')
  reason!: string;
}

export class MoveDeadlineDto {
  @ApiProperty({ enum: MILESTONES })
  @IsIn(MILESTONES)
  milestone!: Milestone;

  @ApiProperty({ example: '2027-01-22T17:00:00Z' })
  @IsDateTimeWithOffset()
  dueAt!: string;

  @ApiProperty({ example: 'The chair is away until the 20th' })
  @StorableText('reason')
  reason!: string;
}
