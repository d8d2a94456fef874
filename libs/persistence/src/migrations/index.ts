import { CommissionReadModel1764100000000 } from './1764100000000-CommissionReadModel';
import { NotificationOutbox1764200000000 } from './1764200000000-NotificationOutbox';
import { ViewInReadModel1764300000000 } from './1764300000000-ViewInReadModel';
import { MembershipIndex1764400000000 } from './1764400000000-MembershipIndex';
import { QuarantinedEvents1764500000000 } from './1764500000000-QuarantinedEvents';
import { SealedBids1764600000000 } from './1764600000000-SealedBids';
import { Programmes1764800000000 } from './1764800000000-Programmes';
import { TimelineVerdicts1764700000000 } from './1764700000000-TimelineVerdicts';
import { ListIndexes1765000000000 } from './1765000000000-ListIndexes';
import { ReportVersions1764750000000 } from './1764750000000-ReportVersions';
import { ProjectAttemptInOneCall1765200000000 } from './1765200000000-ProjectAttemptInOneCall';
import { ProjectionAttempts1765100000000 } from './1765100000000-ProjectionAttempts';
import { CheckIndexes1765300000000 } from './1765300000000-CheckIndexes';
import { NotificationsRecordedInTask1765400000000 } from './1765400000000-NotificationsRecordedInTask';
import { PeopleIndex1765600000000 } from './1765600000000-PeopleIndex';
import { NotificationsRecordedInRunId1765500000000 } from './1765500000000-NotificationsRecordedInRunId';
import { NotificationsRecordedTaskStart1765700000000 } from './1765700000000-NotificationsRecordedTaskStart';

/** In order; listed explicitly so the compiled build and ts-jest find the same set. */
export const MIGRATIONS = [
  CommissionReadModel1764100000000,
  NotificationOutbox1764200000000,
  ViewInReadModel1764300000000,
  MembershipIndex1764400000000,
  QuarantinedEvents1764500000000,
  SealedBids1764600000000,
  Programmes1764800000000,
  TimelineVerdicts1764700000000,
  ListIndexes1765000000000,
  ReportVersions1764750000000,
  ProjectionAttempts1765100000000,
  ProjectAttemptInOneCall1765200000000,
  CheckIndexes1765300000000,
  NotificationsRecordedInTask1765400000000,
  NotificationsRecordedInRunId1765500000000,
  PeopleIndex1765600000000,
  NotificationsRecordedTaskStart1765700000000,
];
