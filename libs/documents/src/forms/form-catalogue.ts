import type { Action, FormKind } from '@onegate/domain';

import type { DocumentTemplateName } from '../templates/document-templates';

export interface FormDefinition {
  /** The events that call for this form: one form per such event. */
  events: readonly Action[];
  template: DocumentTemplateName;
  title: string;
  /** The file name offered to the citizen, before the receipt code. */
  fileName: string;
}

/** The one-stop-shop forms (the models of Decree 61/2018/ND-CP, as amended by Decree 107/2021/ND-CP). */
export const FORMS: { readonly [Kind in FormKind]: FormDefinition } = {
  receipt: {
    events: ['receive', 'register_counter'],
    template: 'receipt',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    fileName: 'giay-tiep-nhan-hen-tra',
  },
  'supplement-request': {
    events: ['request_supplement'],
    template: 'supplement-request',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    fileName: 'phieu-yeu-cau-bo-sung',
  },
  refusal: {
    events: ['refuse'],
    template: 'refusal',
    title: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
    fileName: 'phieu-tu-choi',
  },
  apology: {
    events: ['extend'],
    template: 'apology',
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    fileName: 'phieu-xin-loi-hen-lai',
  },
};

/** The attachments' documentName of a form: `form:receipt`, … */
export const formDocumentName = (kind: FormKind) => `form:${kind}`;
