import { ACTION_TABLE } from '@onegate/domain';
import type { Action, FormKind } from '@onegate/domain';

import type { DocumentTemplateName } from '../templates/document-templates';

/** The events that call for a form are those whose action's row names it (`document`), one form each. */
export interface FormDefinition {
  template: DocumentTemplateName;
  title: string;
  /** The file name offered to the citizen, before the receipt code. */
  fileName: string;
}

/** The one-stop-shop forms (the models of Decree 61/2018/ND-CP, as amended by Decree 107/2021/ND-CP). */
export const FORMS: { readonly [Kind in FormKind]: FormDefinition } = {
  receipt: {
    template: 'receipt',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    fileName: 'giay-tiep-nhan-hen-tra',
  },
  'supplement-request': {
    template: 'supplement-request',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    fileName: 'phieu-yeu-cau-bo-sung',
  },
  refusal: {
    template: 'refusal',
    title: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
    fileName: 'phieu-tu-choi',
  },
  apology: {
    template: 'apology',
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    fileName: 'phieu-xin-loi-hen-lai',
  },
  // Numbered and signed besides (docs/payments.md, "Electronic receipts").
  'fee-receipt': {
    template: 'fee-receipt',
    title: 'Biên lai thu phí, lệ phí',
    fileName: 'bien-lai-thu-phi',
  },
};

/** Whether an event of this action calls for this form (the action table's `document`). */
export const callsForForm = (action: Action, kind: FormKind): boolean =>
  ACTION_TABLE[action].document === kind;

/** The attachments' documentName of a form: `form:receipt`, … */
export const formDocumentName = (kind: FormKind) => `form:${kind}`;
