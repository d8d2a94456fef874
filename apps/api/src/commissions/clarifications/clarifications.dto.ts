import { ApiProperty } from '@nestjs/swagger';
import { StorableText } from '../../input/fields';

export class AskClarificationDto {
  @ApiProperty({ example: 'May the study draw on Ofsted inspection data?' })
  @StorableText('question')
  question!: string;
}

export class AnswerClarificationDto {
  @ApiProperty({ example: 'Yes: published inspection reports may be used.' })
  @StorableText('answer')
  answer!: string;
}
