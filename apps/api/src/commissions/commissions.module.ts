import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CalendarModule } from '../calendar/calendar.module';
import { AwardCommand } from './award/award.command';
import { AwardController } from './award/award.controller';
import { BidSubmission } from './bids/bid-submission';
import { BidVault, BID_MASTER_KEY } from './bids/bid-vault';
import { BidsController } from './bids/bids.controller';
import { ClarificationsController } from './clarifications/clarifications.controller';
import { CommissionController } from './commission/commission.controller';
import { CommissionReadModel } from './commission-read-model';
import { CommissionsService } from './commissions.service';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DependencyController } from './dependency/dependency.controller';
import { EvaluationController } from './evaluation/evaluation.controller';
import { HistoryController } from './history/history.controller';
import { NoticesController } from './notices/notices.controller';
import { RemindersReadModel } from './reminders-read-model';
import { ReportReading } from './reports/report-reading';
import { ReportStore } from './reports/report-store';
import { ReportSubmission } from './reports/report-submission';
import { ReportsController } from './reports/reports.controller';
import { SignOffsController } from './sign-offs/sign-offs.controller';
import { SpecificationController } from './specification/specification.controller';
import { PublishTenderCommand } from './tender/publish-tender.command';
import { TenderController } from './tender/tender.controller';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineService } from './timeline/timeline.service';

/** The bid master key from config; the API does not start in production without one of its own. */
function bidMasterKey(config: AppConfig): Buffer {
  if (!config.bids.masterKey) {
    throw new Error(
      'BID_MASTER_KEY: set a 32-byte base64 key (openssl rand -base64 32) to accept sealed bids',
    );
  }
  return Buffer.from(config.bids.masterKey, 'base64');
}

/** The commission and its sub-resources, one controller each. */
@Module({
  imports: [CalendarModule],
  controllers: [
    CommissionController,
    SpecificationController,
    SignOffsController,
    DeadlinesController,
    HistoryController,
    TenderController,
    ClarificationsController,
    BidsController,
    EvaluationController,
    AwardController,
    DependencyController,
    TimelineController,
    NoticesController,
    ReportsController,
  ],
  providers: [
    CommissionsService,
    CommissionReadModel,
    RemindersReadModel,
    BidVault,
    TimelineService,
    BidSubmission,
    PublishTenderCommand,
    AwardCommand,
    ReportStore,
    ReportReading,
    ReportSubmission,
    { provide: BID_MASTER_KEY, inject: [APP_CONFIG], useFactory: bidMasterKey },
  ],
  exports: [
    CommissionsService,
    CommissionReadModel,
    TimelineService,
    BidVault,
    BidSubmission,
    PublishTenderCommand,
    AwardCommand,
    ReportReading,
    ReportSubmission,
  ],
})
export class CommissionsModule {}
