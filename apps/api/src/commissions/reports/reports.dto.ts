import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_KINDS, REVIEW_DECISIONS, type ReportKind, type ReviewDecision } from '@app/contracts';
import { StorableText } from '../../input/fields';

export class SubmitReportDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind!: ReportKind;

  @ApiProperty({
    description: 'markdown, at most 100,000 characters',
    example: '# Interim report\n\nWe found…',
  })
  @StorableText('markdown')
  content!: string;
}

export class ReviewReportDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, description: 'accept, or revise to send it back to the supplier' })
  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'what to change; required with revise' })
  @IsOptional()
  @StorableText('comment', { blankAsAbsent: true })
  comments?: string;
}
