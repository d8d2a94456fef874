import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import {
  DEPENDENCY_GATES,
  MEMBERSHIP_LIMITS,
  REGIMES,
  REMINDER_LIMITS,
  type DependencyGate,
  type Regime,
} from '@app/contracts';
import { NestedArray, NestedObject, Pounds, StorableText } from '../../input/fields';
import {
  IsCommissionId,
  IsDateTimeWithOffset,
  IsDeliveryTime,
  IsEscalationInterval,
  IsReminderOffset,
} from './validators';

export class PersonDto {
  @ApiProperty({ example: 'isabelle.trowler', description: 'stored lower-cased' })
  @StorableText('id')
  userId!: string;

  @ApiProperty({ example: 'Isabelle Trowler' })
  @StorableText('name')
  name!: string;

  @ApiProperty({ example: 'isabelle.trowler@example.gov.uk' })
  @IsEmail()
  @StorableText('email')
  email!: string;
}

export class PanelMemberDto extends PersonDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  chair?: boolean;
}

export class UnanimousRuleDto {
  @ApiProperty({ enum: ['unanimous'] })
  @IsIn(['unanimous'])
  mode!: 'unanimous';
}

export class QuorumRuleDto {
  @ApiProperty({ enum: ['quorum'] })
  @IsIn(['quorum'])
  mode!: 'quorum';

  @ApiProperty({ description: 'approvals needed', minimum: 1, maximum: MEMBERSHIP_LIMITS.panel })
  @IsInt()
  @Min(1)
  @Max(MEMBERSHIP_LIMITS.panel)
  quorum!: number;

  @ApiProperty({ description: "the chair's approval is required" })
  @IsBoolean()
  chairRequired!: boolean;
}

/** What a sign-off rule of no known mode is checked against: its mode is refused. */
class UnknownRuleDto {
  @IsIn(['unanimous', 'quorum'])
  mode!: string;
}

// A Map, not an object literal: a mode of `constructor` or `__proto__` must find nothing.
const RULES_BY_MODE = new Map<unknown, typeof UnanimousRuleDto | typeof QuorumRuleDto>([
  ['unanimous', UnanimousRuleDto],
  ['quorum', QuorumRuleDto],
]);

export class MilestonesDto {
  @ApiProperty({ example: '2027-09-30T17:00:00+01:00' })
  @IsDateTimeWithOffset()
  interimReportDueAt!: string;

  @ApiProperty({ example: '2027-12-17T17:00:00Z' })
  @IsDateTimeWithOffset()
  finalReportDueAt!: string;
}

export class ReminderPolicyDto {
  @ApiProperty({ example: ['P14D', 'P7D', 'P1D'], maxItems: REMINDER_LIMITS.offsets })
  @IsArray()
  @ArrayMaxSize(REMINDER_LIMITS.offsets)
  @IsReminderOffset({ each: true })
  before!: string[];

  @ApiProperty({ example: 'P7D' })
  @IsEscalationInterval()
  overdueEvery!: string;
}

/** How long the supplier needs from the contract's start to each report (the timeline plans with it). */
export class DeliveryPlanDto {
  @ApiProperty({ example: 'P8W', description: 'contract start to interim report' })
  @IsDeliveryTime()
  toInterim!: string;

  @ApiProperty({ example: 'P16W', description: 'contract start to final report' })
  @IsDeliveryTime()
  toFinal!: string;
}

export class DependencyDto {
  @ApiProperty({ format: 'uuid' })
  @IsCommissionId()
  commissionId!: string;

  @ApiProperty({ enum: DEPENDENCY_GATES })
  @IsIn(DEPENDENCY_GATES)
  gate!: DependencyGate;
}

@ApiExtraModels(UnanimousRuleDto, QuorumRuleDto)
export class CreateCommissionDto {
  @ApiProperty({ example: 'Creating improvement capacity in children’s services' })
  @StorableText('title')
  title!: string;

  @ApiProperty()
  @StorableText('description')
  description!: string;

  @ApiPropertyOptional({ example: 'birmingham-childrens-services' })
  @IsOptional()
  @StorableText('id')
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
  @Pounds()
  estimatedValue?: number;

  @ApiPropertyOptional({ description: 'why a regime that contradicts the value and date was chosen' })
  @IsOptional()
  @StorableText('reason')
  regimeJustification?: string;

  @ApiProperty({ type: [PanelMemberDto], minItems: 1, maxItems: MEMBERSHIP_LIMITS.panel })
  @NestedArray(() => PanelMemberDto, { min: 1, max: MEMBERSHIP_LIMITS.panel })
  panel!: PanelMemberDto[];

  @ApiPropertyOptional({
    type: [PersonDto],
    maxItems: MEMBERSHIP_LIMITS.officers - 1,
    description: 'other officers; the creator is always one. None of them may sit on the panel.',
  })
  @IsOptional()
  @NestedArray(() => PersonDto, { max: MEMBERSHIP_LIMITS.officers - 1 })
  officers?: PersonDto[];

  @ApiPropertyOptional({
    type: [PersonDto],
    maxItems: MEMBERSHIP_LIMITS.observers,
    description: 'receive escalations',
  })
  @IsOptional()
  @NestedArray(() => PersonDto, { max: MEMBERSHIP_LIMITS.observers })
  observers?: PersonDto[];

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(UnanimousRuleDto) }, { $ref: getSchemaPath(QuorumRuleDto) }],
    discriminator: {
      propertyName: 'mode',
      mapping: { unanimous: getSchemaPath(UnanimousRuleDto), quorum: getSchemaPath(QuorumRuleDto) },
    },
  })
  @NestedObject((rule) => RULES_BY_MODE.get(rule.mode) ?? UnknownRuleDto, 'a sign-off rule object')
  signOffRule!: UnanimousRuleDto | QuorumRuleDto;

  @ApiProperty({ type: MilestonesDto })
  @NestedObject(() => MilestonesDto)
  milestones!: MilestonesDto;

  @ApiPropertyOptional({ type: ReminderPolicyDto })
  @IsOptional()
  @NestedObject(() => ReminderPolicyDto)
  reminderPolicy?: ReminderPolicyDto;

  @ApiPropertyOptional({ type: DependencyDto })
  @IsOptional()
  @NestedObject(() => DependencyDto)
  dependsOn?: DependencyDto;

  @ApiPropertyOptional({
    type: DeliveryPlanDto,
    description: 'the supplier’s delivery time; absent: P8W to the interim report, P16W to the final',
  })
  @IsOptional()
  @NestedObject(() => DeliveryPlanDto)
  deliveryPlan?: DeliveryPlanDto;
}
