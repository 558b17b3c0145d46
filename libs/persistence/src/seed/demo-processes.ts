import type { StepHolderRole } from '@onegate/domain';

export interface StepSeed {
  nameVi: string;
  nameEn: string;
  holderRole: StepHolderRole;
  /** Another agency's code makes the step a transfer; none: the competent agency. */
  holderAgencyCode?: string;
  budgetHours: number;
}

const reception = (hours: number): StepSeed => ({
  nameVi: 'Tiếp nhận hồ sơ',
  nameEn: 'Reception at the one-stop desk',
  holderRole: 'clerk',
  budgetHours: hours,
});
const examination = (hours: number): StepSeed => ({
  nameVi: 'Thẩm định hồ sơ',
  nameEn: 'Examination by the specialist',
  holderRole: 'clerk',
  budgetHours: hours,
});
const check = (hours: number): StepSeed => ({
  nameVi: 'Kiểm tra, trình ký',
  nameEn: 'Check by the head of division',
  holderRole: 'supervisor',
  budgetHours: hours,
});
const signature = (hours: number): StepSeed => ({
  nameVi: 'Phê duyệt, ký kết quả',
  nameEn: 'Approval and signature by the leader',
  holderRole: 'supervisor',
  budgetHours: hours,
});
const returnOfResult = (hours: number): StepSeed => ({
  nameVi: 'Trả kết quả',
  nameEn: 'Return of the result',
  holderRole: 'clerk',
  budgetHours: hours,
});
/** The land procedures pass through the tax office, which assesses the financial obligations. */
const taxAssessment = (hours: number): StepSeed => ({
  nameVi: 'Xác định nghĩa vụ tài chính (liên thông cơ quan thuế)',
  nameEn: 'Assessment of financial obligations (transfer to the tax office)',
  holderRole: 'clerk',
  holderAgencyCode: 'QN-THUE-HL',
  budgetHours: hours,
});

/**
 * Each demo procedure's internal process, by procedure code: 3 to 6 steps whose budgets add up to the
 * procedure's time limit in working hours (docs/applications.md, "Process").
 */
export const DEMO_PROCESSES: { readonly [code: string]: readonly StepSeed[] } = {
  '1.001193': [reception(1), examination(3), signature(2), returnOfResult(2)],
  '1.000894': [reception(2), examination(12), signature(6), returnOfResult(4)],
  '2.000488': [reception(4), examination(48), check(12), signature(12), returnOfResult(4)],
  '1.001612': [reception(2), examination(14), signature(6), returnOfResult(2)],
  '1.009972': [reception(4), examination(80), check(16), signature(16), returnOfResult(4)],
  '1.012795': [reception(4), examination(32), taxAssessment(24), signature(16), returnOfResult(4)],
  '1.010000': [reception(8), examination(112), check(16), signature(16), returnOfResult(8)],
  '2.001610': [reception(2), examination(14), signature(6), returnOfResult(2)],
  '1.000656': [reception(1), examination(3), signature(2), returnOfResult(2)],
  '2.000635': [reception(1), examination(5), returnOfResult(2)],
  '1.002809': [reception(4), examination(24), signature(8), returnOfResult(4)],
  '2.001827': [reception(4), examination(80), check(16), signature(16), returnOfResult(4)],
  '1.012790': [reception(4), examination(20), check(4), taxAssessment(12), signature(12), returnOfResult(4)],
  '2.001199': [reception(2), examination(14), signature(6), returnOfResult(2)],
};
