import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { DECISIONS, MILESTONES, type Decision, type Milestone } from '@app/contracts';
import { IsDateTimeWithOffset } from './validators';

export class SpecificationDto {
  @ApiProperty({ description: 'markdown', example: '# Scope\n\nThe study will…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
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

  @ApiProperty({ description: 'the exact version being decided on' })
  @IsInt()
  @Min(1)
  specificationVersion!: number;

  @ApiPropertyOptional({ description: 'required when requesting changes' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;
}

export class ConflictDto {
  @ApiProperty({ description: 'the supplier the member must not score' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  supplier!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}

export class CancelDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
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
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}
