import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DEPENDENCY_GATES, REGIMES, type DependencyGate, type Regime } from '@app/contracts';
import { IsDateTimeWithOffset, IsEscalationInterval, IsReminderOffset } from './validators';

export class PersonDto {
  @ApiProperty({ example: 'isabelle.trowler' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  userId!: string;

  @ApiProperty({ example: 'Isabelle Trowler' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'isabelle.trowler@example.gov.uk' })
  @IsEmail()
  email!: string;
}

export class PanelMemberDto extends PersonDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  chair?: boolean;
}

export class SignOffRuleDto {
  @ApiProperty({ enum: ['unanimous', 'quorum'] })
  @IsIn(['unanimous', 'quorum'])
  mode!: 'unanimous' | 'quorum';

  @ApiPropertyOptional({ description: 'approvals needed (quorum mode)' })
  @ValidateIf((o: SignOffRuleDto) => o.mode === 'quorum')
  @IsInt()
  @Min(1)
  quorum?: number;

  @ApiPropertyOptional({ description: "the chair's approval is required (quorum mode)" })
  @ValidateIf((o: SignOffRuleDto) => o.mode === 'quorum')
  @IsBoolean()
  chairRequired?: boolean;
}

export class MilestonesDto {
  @ApiProperty({ example: '2027-09-30T17:00:00+01:00' })
  @IsDateTimeWithOffset()
  interimReportDueAt!: string;

  @ApiProperty({ example: '2027-12-17T17:00:00Z' })
  @IsDateTimeWithOffset()
  finalReportDueAt!: string;
}

export class ReminderPolicyDto {
  @ApiProperty({ example: ['P14D', 'P7D', 'P1D'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsReminderOffset({ each: true })
  before!: string[];

  @ApiProperty({ example: 'P7D' })
  @IsEscalationInterval()
  overdueEvery!: string;
}

export class DependencyDto {
  @ApiProperty()
  @IsUUID()
  commissionId!: string;

  @ApiProperty({ enum: DEPENDENCY_GATES })
  @IsIn(DEPENDENCY_GATES)
  gate!: DependencyGate;
}

export class CreateCommissionDto {
  @ApiProperty({ example: 'Creating improvement capacity in children’s services' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  description!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programmeId?: string;

  @ApiPropertyOptional({
    enum: REGIMES,
    description:
      'when absent, derived from estimatedValue and today (PA2023 when no value is given either); one that contradicts them needs regimeJustification',
  })
  @IsOptional()
  @IsIn(REGIMES)
  regime?: Regime;

  @ApiPropertyOptional({
    description: 'GBP including VAT, in pounds (at most two decimals)',
    example: 100000,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000_000)
  estimatedValue?: number;

  @ApiPropertyOptional({ description: 'why a regime that contradicts the value and date was chosen' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  regimeJustification?: string;

  @ApiProperty({ type: [PanelMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  panel!: PanelMemberDto[];

  @ApiPropertyOptional({ type: [PersonDto], description: 'other officers; the creator is always one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  officers?: PersonDto[];

  @ApiPropertyOptional({ type: [PersonDto], description: 'receive escalations' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  observers?: PersonDto[];

  @ApiProperty({ type: SignOffRuleDto })
  @ValidateNested()
  @Type(() => SignOffRuleDto)
  signOffRule!: SignOffRuleDto;

  @ApiProperty({ type: MilestonesDto })
  @ValidateNested()
  @Type(() => MilestonesDto)
  milestones!: MilestonesDto;

  @ApiPropertyOptional({ type: ReminderPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReminderPolicyDto)
  reminderPolicy?: ReminderPolicyDto;

  @ApiPropertyOptional({ type: DependencyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DependencyDto)
  dependsOn?: DependencyDto;
}
