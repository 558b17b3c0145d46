import type { Language } from '@onegate/domain';

import type { FigureFile } from '../queries/figure-file.repository';
import type { ReportCatalogue } from '../queries/report-catalogue';
import type { StepFile } from '../queries/step-file.repository';
import { hoursOf } from '../queries/step-report';
import type { Cell } from './report-table';

type Text = { readonly [L in Language]: string };

/** The columns of a figure's file list, as exported (docs/metrics.md, "Drill-down"). */
const FILE_COLUMNS: readonly {
  header: Text;
  value: (file: FigureFile, catalogue: ReportCatalogue) => Cell;
}[] = [
  { header: { vi: 'Mã hồ sơ', en: 'Receipt code' }, value: (f) => f.code },
  { header: { vi: 'Thủ tục', en: 'Procedure' }, value: (f, c) => c.procedure(f.procedureId)?.code ?? null },
  { header: { vi: 'Cơ quan', en: 'Agency' }, value: (f, c) => c.agency(f.agencyId)?.code ?? null },
  { header: { vi: 'Kênh', en: 'Channel' }, value: (f) => f.channel },
  { header: { vi: 'Trạng thái', en: 'State' }, value: (f) => f.state },
  { header: { vi: 'Ngày tính', en: 'Counted on' }, value: (f) => f.date },
  { header: { vi: 'Thời điểm tính', en: 'Counted at' }, value: (f) => iso(f.at) },
  { header: { vi: 'Tiếp nhận lúc', en: 'Received at' }, value: (f) => iso(f.receivedAt) },
  { header: { vi: 'Hạn giải quyết', en: 'Due at' }, value: (f) => iso(f.dueAt) },
  { header: { vi: 'Giải quyết lúc', en: 'Decided at' }, value: (f) => iso(f.decidedAt) },
];

export function fileTableHeaders(lang: Language): string[] {
  return FILE_COLUMNS.map((column) => column.header[lang]);
}

export function fileTableRow(file: FigureFile, catalogue: ReportCatalogue): Cell[] {
  return FILE_COLUMNS.map((column) => column.value(file, catalogue));
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The columns of a step figure's list of stretches, as exported (docs/metrics.md, "Drill-down"). */
const STEP_FILE_COLUMNS: readonly {
  header: Text;
  value: (file: StepFile, catalogue: ReportCatalogue) => Cell;
}[] = [
  { header: { vi: 'Mã hồ sơ', en: 'Receipt code' }, value: (f) => f.code },
  { header: { vi: 'Thủ tục', en: 'Procedure' }, value: (f, c) => c.procedure(f.procedureId)?.code ?? null },
  { header: { vi: 'Cơ quan', en: 'Agency' }, value: (f, c) => c.agency(f.agencyId)?.code ?? null },
  { header: { vi: 'Trạng thái', en: 'State' }, value: (f) => f.state },
  { header: { vi: 'Bước', en: 'Step' }, value: (f) => f.position },
  { header: { vi: 'Tên bước', en: 'Step name' }, value: (f) => f.name },
  {
    header: { vi: 'Đơn vị giữ', en: 'Held by' },
    value: (f, c) => c.agency(f.holderAgencyId)?.code ?? f.holderAgencyId,
  },
  { header: { vi: 'Vai trò', en: 'Role' }, value: (f) => f.holderRole },
  { header: { vi: 'Ngày tính', en: 'Counted on' }, value: (f) => f.date },
  { header: { vi: 'Kết thúc lúc', en: 'Ended at' }, value: (f) => iso(new Date(f.at)) },
  { header: { vi: 'Số giờ làm việc', en: 'Working hours' }, value: (f) => hoursOf(f.workingMs) },
  { header: { vi: 'Trễ hạn', en: 'Late' }, value: (f) => (f.late ? 1 : 0) },
  { header: { vi: 'Số giờ trễ', en: 'Hours late' }, value: (f) => hoursOf(f.latenessMs) },
];

export function stepFileTableHeaders(lang: Language): string[] {
  return STEP_FILE_COLUMNS.map((column) => column.header[lang]);
}

export function stepFileTableRow(file: StepFile, catalogue: ReportCatalogue): Cell[] {
  return STEP_FILE_COLUMNS.map((column) => column.value(file, catalogue));
}
