export { PaymentsModule } from './payments.module';

// The citizen's payment, the gateway's notice, reconciliation
export { OnlinePayments } from './online-payments.service';
export { PaymentNotices } from './payment-notices.service';

// The gateway protocol (VNPAY 2.1.0) and its local sandbox
export { notificationParams, VnpayNotificationQuery } from './vnpay/vnpay-notification.query';
export { startPaymentSandbox, type PaymentSandbox } from './sandbox/payment-sandbox';
