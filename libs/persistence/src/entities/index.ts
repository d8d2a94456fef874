import { AuditEventRecord } from './audit-event.entity';
import { CommissionRecord } from './commission.entity';
import { ConflictRecord } from './conflict.entity';
import { IdempotencyKeyRecord } from './idempotency-key.entity';
import { ProgrammeRecord } from './programme.entity';
import { SignOffRecord } from './sign-off.entity';
import { SpecificationVersionRecord } from './specification-version.entity';

export {
  AuditEventRecord,
  CommissionRecord,
  ConflictRecord,
  IdempotencyKeyRecord,
  ProgrammeRecord,
  SignOffRecord,
  SpecificationVersionRecord,
};

export const ENTITIES = [
  AuditEventRecord,
  CommissionRecord,
  ConflictRecord,
  IdempotencyKeyRecord,
  ProgrammeRecord,
  SignOffRecord,
  SpecificationVersionRecord,
];
