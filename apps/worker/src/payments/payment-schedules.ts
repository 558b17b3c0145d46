import { JobName } from '@onegate/jobs';
import type { JobSchedule } from '@onegate/jobs';

/** Reconciliation of the payments whose gateway notice never came, every five minutes (docs/payments.md). */
export const PAYMENT_SCHEDULES: JobSchedule[] = [
  { id: 'payment-reconciliation', name: JobName.ReconcilePayments, repeat: { every: 5 * 60_000 } },
];
