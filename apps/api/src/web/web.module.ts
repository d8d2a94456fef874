import { CalendarModule } from '../calendar/calendar.module';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { ProgrammesModule } from '../programmes/programmes.module';
import { TasksModule } from '../tasks/tasks.module';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller';
import { CalendarTokens } from './calendar-feed/calendar-token';
import { AwardPageController } from './pages/award.page.controller';
import { BidPageController } from './pages/bid.page.controller';
import { CancelPageController } from './pages/cancel.page.controller';
import { ChallengesPageController } from './pages/challenges.page.controller';
import { ContractNoticePageController } from './pages/contract-notice.page.controller';
import { SupplierBidPageController } from './pages/supplier-bid.page.controller';
import { ProgrammePageController } from './pages/programme.page.controller';
import { ReportsPageController } from './pages/reports.page.controller';
import { ClarificationsPageController } from './pages/clarifications.page.controller';
import { CommandRunner } from './pages/command-runner';
import { CommissionAccess } from './pages/commission-access';
import { CommissionsPageController } from './pages/commissions.page.controller';
import { DeadlinePageController } from './pages/deadline.page.controller';
import { EvaluationPageController } from './pages/evaluation.page.controller';
import { SignOffPageController } from './pages/sign-off.page.controller';
import { SpecificationPageController } from './pages/specification.page.controller';
import { TasksPageController } from './pages/tasks.page.controller';
import { TenderPageController } from './pages/tender.page.controller';
import { WebForms } from './pages/web-forms';
import { PageRenderer } from './render/page-renderer';
import { FormTokenGuard } from './session/form-token.guard';
import { SessionStore } from './session/session-store';
import { SignedInGuard } from './session/signed-in.guard';
import { DevelopmentOnlyGuard } from './sign-in/development-only.guard';
import { OidcSignIn } from './sign-in/oidc-sign-in';
import { SignInController } from './sign-in/sign-in.controller';
import { webConfigProvider } from './web-config.provider';
import { WebErrorFilter } from './web-error.filter';

const PAGES = [
  SignInController,
  TasksPageController,
  CommissionsPageController,
  SpecificationPageController,
  SignOffPageController,
  CancelPageController,
  DeadlinePageController,
  TenderPageController,
  BidPageController,
  EvaluationPageController,
  AwardPageController,
  ClarificationsPageController,
  ChallengesPageController,
  ContractNoticePageController,
  SupplierBidPageController,
  ProgrammePageController,
  ReportsPageController,
];

/** Forms post up to a 200,000-character specification, which URL-encoding can triple. */
const FORM_LIMIT = '1mb';

/** The web pages at / (GOV.UK Frontend, server-rendered): sign-in, My tasks, commissions, forms. */
@Module({
  imports: [TasksModule, ProgrammesModule, CalendarModule],
  controllers: [...PAGES, CalendarFeedController],
  providers: [
    webConfigProvider,
    CalendarTokens,
    SessionStore,
    PageRenderer,
    OidcSignIn,
    CommissionAccess,
    CommandRunner,
    WebForms,
    WebErrorFilter,
    SignedInGuard,
    FormTokenGuard,
    DevelopmentOnlyGuard,
  ],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the pages read HTML forms; the JSON API keeps accepting JSON alone.
    consumer.apply(urlencoded({ extended: false, limit: FORM_LIMIT })).forRoutes(...PAGES);
  }
}
