import { defineUpdate } from '@temporalio/workflow';
import type { CommissionView } from '../commission';
import type { ReviewReport, SubmitReport } from './commands';

export const SubmitReportUpdate = defineUpdate<CommissionView, [SubmitReport]>('SubmitReport');
export const ReviewReportUpdate = defineUpdate<CommissionView, [ReviewReport]>('ReviewReport');
