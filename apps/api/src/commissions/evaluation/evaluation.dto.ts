import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NestedArray, StorableText } from '../../input/fields';

export class CriterionScoreDto {
  @ApiProperty({ example: 'Quality of the method', description: 'a quality criterion of the tender' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  criterion!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 72 })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @ApiProperty({ example: 'A sound sampling frame; the timetable is tight.' })
  @StorableText('comment')
  comment!: string;
}

export class ScoreBidDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId!: string;

  @ApiProperty({ type: [CriterionScoreDto], description: 'price is never scored here: its formula does' })
  @NestedArray(() => CriterionScoreDto, { min: 1, max: 20 })
  scores!: CriterionScoreDto[];
}
