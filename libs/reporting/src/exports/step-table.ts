import type { Language } from '@onegate/domain';

import type { StepFigures, StepReport } from '../queries/step-report';
import type { Cell, ReportTable } from './report-table';

type Text = { readonly [L in Language]: string };

/** The step report's three tables: per step, per holding unit, per competent agency. */
export const STEP_TABLES = ['step', 'unit', 'agency'] as const;
export type StepTableKind = (typeof STEP_TABLES)[number];

const FIGURE_COLUMNS: readonly { header: Text; value: (figures: StepFigures) => Cell }[] = [
  { header: { vi: 'Số lượt', en: 'Stretches' }, value: (f) => f.stretches },
  { header: { vi: 'Tổng giờ làm việc', en: 'Working hours' }, value: (f) => f.hours },
  { header: { vi: 'Số giờ trung bình', en: 'Mean hours' }, value: (f) => f.meanHours },
  { header: { vi: 'Số lượt quá hạn', en: 'Late' }, value: (f) => f.late },
  { header: { vi: 'Số giờ quá hạn trung bình', en: 'Mean hours late' }, value: (f) => f.meanLatenessHours },
];

const ROLE_NAMES: Record<string, Text> = {
  clerk: { vi: 'Chuyên viên', en: 'Clerk' },
  supervisor: { vi: 'Lãnh đạo', en: 'Supervisor' },
};

export function stepTable(kind: StepTableKind, report: StepReport, lang: Language): ReportTable {
  const figures = FIGURE_COLUMNS.map((column) => column.header[lang]);
  const values = (line: StepFigures) => FIGURE_COLUMNS.map((column) => column.value(line));
  switch (kind) {
    case 'step':
      return {
        title: lang === 'vi' ? 'Theo bước xử lý' : 'By processing step',
        headers: [
          lang === 'vi' ? 'Thủ tục' : 'Procedure',
          lang === 'vi' ? 'Bước' : 'Step',
          lang === 'vi' ? 'Tên bước' : 'Step name',
          ...figures,
        ],
        rows: report.steps.map((line) => [line.procedure, line.position, line.name, ...values(line)]),
      };
    case 'unit':
      return {
        title: lang === 'vi' ? 'Theo đơn vị xử lý' : 'By processing unit',
        headers: [
          lang === 'vi' ? 'Cơ quan' : 'Agency',
          lang === 'vi' ? 'Tên' : 'Name',
          lang === 'vi' ? 'Vai trò' : 'Role',
          ...figures,
        ],
        rows: report.units.map((line) => [
          line.agency,
          line.agencyName?.[lang] ?? null,
          ROLE_NAMES[line.role]?.[lang] ?? line.role,
          ...values(line),
        ]),
      };
    case 'agency':
      return {
        title: lang === 'vi' ? 'Thời gian tại cơ quan khác' : 'Time at other agencies',
        headers: [
          lang === 'vi' ? 'Cơ quan có thẩm quyền' : 'Competent agency',
          lang === 'vi' ? 'Tên' : 'Name',
          lang === 'vi' ? 'Tổng giờ các bước' : 'Step hours',
          lang === 'vi' ? 'Giờ tại cơ quan khác' : 'Hours at other agencies',
        ],
        rows: report.agencies.map((line) => [
          line.agency,
          line.name?.[lang] ?? null,
          line.hours,
          line.atOtherAgenciesHours,
        ]),
      };
  }
}
