import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { StorableText } from '../input/fields';

export class CreateProgrammeDto {
  @ApiPropertyOptional({
    example: 'childrens-services-2027',
    description: 'a slug; derived from the name when absent. Commissions join with this `programmeId`.',
  })
  @IsOptional()
  @StorableText('id')
  id?: string;

  @StorableText('title')
  name!: string;

  @ApiPropertyOptional({ example: 'The two studies the minister’s letter asks for.' })
  @IsOptional()
  @StorableText('description', { blankAsAbsent: true })
  description?: string;
}
