import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { STAGES, type Stage } from '@app/contracts';
import { StorableText } from '../../input/fields';

export class ListCommissionsQuery {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional()
  @IsOptional()
  @StorableText('id')
  programmeId?: string;

  @ApiPropertyOptional({ description: 'only commissions with an open deadline already past' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'only commissions the caller is named on' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: ['me'], description: 'only commissions waiting on the caller’s decision' })
  @IsOptional()
  @IsIn(['me'])
  awaiting?: 'me';

  @ApiPropertyOptional({ description: 'words in the title or description' })
  @IsOptional()
  @StorableText('search')
  q?: string;

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page', maxLength: 500 })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,500}$/, { message: '$property is not one this service issued' })
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
