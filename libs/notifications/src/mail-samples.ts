import { feedbackPagePath, filePagePath, webhookPagePath } from '@onegate/domain';
import type { Language, NotificationKind } from '@onegate/domain';

import { formatInstant } from './mail-formatting';
import type { MailContext } from './mail-context';

const ZONE = 'Asia/Ho_Chi_Minh';
const at = (local: string) => new Date(`${local}+07:00`);
const CODE = 'QN-HL-261123-0001';

/** The form each applicant's e-mail carries, named as OneGate names it. */
const SAMPLE_ATTACHMENTS: Partial<Record<NotificationKind, string>> = {
  file_received: `giay-tiep-nhan-hen-tra-${CODE}.pdf`,
  supplement_requested: `phieu-yeu-cau-bo-sung-${CODE}.pdf`,
  file_refused: `phieu-tu-choi-${CODE}.pdf`,
  apology: `phieu-xin-loi-hen-lai-${CODE}.pdf`,
  result_ready: `ket-qua-${CODE}.pdf`,
  fee_paid: `bien-lai-thu-phi-${CODE}.pdf`,
};
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';

/** Made-up data that fills every template, for administrators previewing them. */
export function sampleContext(kind: NotificationKind, language: Language, portalUrl: string): MailContext {
  const vi = language === 'vi';
  const time = (local: string) => formatInstant(at(local), ZONE, language);
  const staff = [
    'due_soon',
    'overdue',
    'step_overdue',
    'weekly_digest',
    'consultation_overdue',
    'feedback_overdue',
    'webhook_disabled',
  ].includes(kind);
  const aboutFeedback = kind === 'feedback_answered' || kind === 'feedback_overdue';
  return {
    language,
    portalUrl,
    fileUrl: aboutFeedback
      ? `${portalUrl}${feedbackPagePath(staff ? 'clerk' : 'citizen', SAMPLE_ID)}`
      : kind === 'webhook_disabled'
        ? `${portalUrl}${webhookPagePath(SAMPLE_ID)}`
        : `${portalUrl}${filePagePath(staff ? 'supervisor' : 'citizen', kind === 'weekly_digest' ? null : SAMPLE_ID)}`,
    resultUrl: `${portalUrl}/my/applications/${SAMPLE_ID}/result`,
    recipientName: staff ? 'Lê Văn Giám Sát' : 'Nguyễn Văn A',
    application: {
      code: CODE,
      procedureCode: '1.001612',
      procedureName: vi ? 'Đăng ký thành lập hộ kinh doanh' : 'Registration of a household business',
      agencyName: vi ? 'UBND thành phố Hạ Long' : 'Ha Long City People’s Committee',
      applicantName: 'Nguyễn Văn A',
      formFields: [
        { label: vi ? 'Họ và tên' : 'Full name', value: 'Nguyễn Văn A' },
        { label: vi ? 'Tên hộ kinh doanh' : 'Business name', value: 'Tạp hoá Bình An' },
      ],
    },
    submittedAt: time('2026-11-22T20:15:00'),
    receivedAt: time('2026-11-23T09:00:00'),
    dueAt: time('2026-11-26T09:00:00'),
    stepName: vi ? 'Thẩm định hồ sơ' : 'Examination by the specialist',
    stepDueAt: time('2026-11-24T15:00:00'),
    decidedAt: time('2026-11-25T15:30:00'),
    returnedAt: time('2026-11-25T16:00:00'),
    appointmentAt: time('2026-11-30T09:00:00'),
    reason: vi ? 'Ảnh chụp giấy tờ không rõ' : 'The photo of the document is unreadable',
    missingDocuments: [vi ? 'Bản sao căn cước công dân' : 'Copy of the citizen ID card'],
    approved: kind !== 'decision_made',
    digest: {
      agencyName: vi ? 'UBND tỉnh Quảng Ninh' : 'Quang Ninh Province',
      from: '2026-11-16',
      to: '2026-11-22',
      received: 42,
      decided: 37,
      onTime: 35,
      overdue: 3,
    },
    message: vi
      ? 'Đề nghị ông/bà mang bản chính giấy tờ khi đến nhận kết quả.'
      : 'Please bring the original documents when you collect the result.',
    fromApplicant: false,
    consultation: {
      agencyName: vi ? 'Sở Xây dựng' : 'Department of Construction',
      question: vi ? 'Công trình có nằm trong quy hoạch không?' : 'Does the building lie within the plan?',
      answerDueAt: time('2026-11-25T17:00:00'),
    },
    feedback: {
      code: 'PA-7K3MQ9TX',
      petition: false,
      agencyName: vi ? 'UBND thành phố Hạ Long' : 'Ha Long City People’s Committee',
      dueAt: time('2026-12-07T17:00:00'),
    },
    webhook: {
      url: 'https://receiver.example.vn/onegate',
      gone: false,
      disabledAt: time('2026-11-25T10:00:00'),
    },
    attachment: SAMPLE_ATTACHMENTS[kind],
  };
}
