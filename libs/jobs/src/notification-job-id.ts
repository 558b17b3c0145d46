/**
 * The BullMQ job id of a notification: its key, so a duplicate is dropped while the first is kept in
 * the queue. BullMQ reserves `:` in custom ids, hence the swap.
 */
export const notificationJobId = (key: string): string => `notify|${key.replace(/:/g, '|')}`;
