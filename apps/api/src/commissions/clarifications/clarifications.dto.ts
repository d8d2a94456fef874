import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AskClarificationDto {
  @ApiProperty({ example: 'May the study draw on Ofsted inspection data?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  question!: string;
}

export class AnswerClarificationDto {
  @ApiProperty({ example: 'Yes: published inspection reports may be used.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  answer!: string;
}
