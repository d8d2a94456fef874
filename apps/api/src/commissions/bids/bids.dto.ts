import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Pounds } from '../../input/fields';

export class SubmitBidDto {
  @ApiProperty({
    description: 'GBP including VAT, in pounds (at most two decimals)',
    example: 98500,
  })
  @Pounds()
  price!: number;

  @ApiProperty({ description: 'markdown', example: '# Method\n\nWe will…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  proposal!: string;
}
