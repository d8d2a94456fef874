import { defineUpdate } from '@temporalio/workflow';
import type { CommissionView } from '../commission';
import type { DropDependency } from './commands';

export const DropDependencyUpdate = defineUpdate<CommissionView, [DropDependency]>('DropDependency');
