import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';

export class SubmitBidDto {
  @ApiProperty({ description: 'GBP including VAT, in pounds (at most two decimals)', example: 98500 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000_000)
  price!: number;

  @ApiProperty({ description: 'markdown', example: '# Method\n\nWe will…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  proposal!: string;
}
