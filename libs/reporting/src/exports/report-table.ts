import type { Language } from '@onegate/domain';

import type { ReportFigures } from '../figures/report-figures';
import type { BreakdownGroup, BreakdownGrouping } from '../queries/report-query.service';
import type { BreakdownStepFigures } from '../queries/step-report';

export type Cell = string | number | null;

/** A report as a table: translated headers and one row of cells per line. */
export interface ReportTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

type Text = { readonly [L in Language]: string };

const FIGURE_COLUMNS: readonly { header: Text; value: (figures: ReportFigures) => Cell }[] = [
  { header: { vi: 'Tiếp nhận', en: 'Received' }, value: (f) => f.received },
  { header: { vi: 'Nộp trực tuyến', en: 'Submitted online' }, value: (f) => f.onlineSubmitted },
  {
    header: { vi: 'Tỷ lệ nộp trực tuyến', en: 'Online submission rate' },
    value: (f) => f.onlineSubmissionRate,
  },
  { header: { vi: 'Đã giải quyết', en: 'Decided' }, value: (f) => f.decided },
  { header: { vi: 'Giải quyết đúng hạn', en: 'On time' }, value: (f) => f.onTime },
  { header: { vi: 'Giải quyết quá hạn', en: 'Late' }, value: (f) => f.late },
  { header: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' }, value: (f) => f.onTimeRate },
  { header: { vi: 'Có thư xin lỗi, hẹn lại', en: 'Extended' }, value: (f) => f.extended },
  { header: { vi: 'Đã trả kết quả', en: 'Returned' }, value: (f) => f.returned },
  { header: { vi: 'Trực tuyến toàn trình', en: 'Fully online' }, value: (f) => f.fullyOnline },
  {
    header: { vi: 'Tỷ lệ trực tuyến toàn trình', en: 'Fully online share' },
    value: (f) => f.fullyOnlineShare,
  },
  { header: { vi: 'Từ chối tiếp nhận', en: 'Refused' }, value: (f) => f.refused },
  { header: { vi: 'Rút hồ sơ', en: 'Withdrawn' }, value: (f) => f.withdrawn },
  { header: { vi: 'Tồn cuối kỳ', en: 'Backlog' }, value: (f) => f.backlog },
  { header: { vi: 'Tồn quá hạn', en: 'Overdue backlog' }, value: (f) => f.overdueBacklog },
  {
    header: { vi: 'Thời gian giải quyết trung bình (ngày làm việc)', en: 'Turnaround mean (working days)' },
    value: (f) => f.turnaroundDays.mean,
  },
  {
    header: { vi: 'Thời gian giải quyết trung vị (ngày làm việc)', en: 'Turnaround median (working days)' },
    value: (f) => f.turnaroundDays.p50,
  },
  {
    header: {
      vi: 'Thời gian giải quyết phân vị 90 (ngày làm việc)',
      en: 'Turnaround 90th percentile (working days)',
    },
    value: (f) => f.turnaroundDays.p90,
  },
  { header: { vi: 'Số lượt đánh giá', en: 'Ratings' }, value: (f) => f.satisfaction.count },
  { header: { vi: 'Điểm đánh giá trung bình', en: 'Mean rating' }, value: (f) => f.satisfaction.mean },
  { header: { vi: 'Tỷ lệ hài lòng', en: 'Satisfied share' }, value: (f) => f.satisfaction.satisfiedShare },
];

/** A breakdown group's step figures (docs/metrics.md, "Breakdowns"); empty cells where it has none. */
const STEP_COLUMNS: readonly { header: Text; value: (steps: BreakdownStepFigures) => Cell }[] = [
  { header: { vi: 'Số lượt bước xử lý', en: 'Step stretches' }, value: (f) => f.stretches },
  { header: { vi: 'Tổng giờ làm việc các bước', en: 'Step working hours' }, value: (f) => f.hours },
  { header: { vi: 'Số lượt bước quá hạn', en: 'Late step stretches' }, value: (f) => f.late },
  { header: { vi: 'Tổng giờ quá hạn các bước', en: 'Step hours late' }, value: (f) => f.latenessHours },
  {
    header: { vi: 'Giờ tại cơ quan khác', en: 'Step hours at other agencies' },
    value: (f) => f.atOtherAgenciesHours,
  },
];

const GROUP_HEADERS: { readonly [G in BreakdownGrouping]: Text } = {
  agency: { vi: 'Cơ quan', en: 'Agency' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  month: { vi: 'Tháng', en: 'Month' },
  channel: { vi: 'Kênh', en: 'Channel' },
};

const CHANNEL_NAMES: Record<string, Text> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  offline: { vi: 'Trực tiếp', en: 'Offline' },
};

export function summaryTable(
  period: { from: string; to: string },
  figures: ReportFigures,
  lang: Language,
): ReportTable {
  return {
    title: lang === 'vi' ? 'Báo cáo tổng hợp' : 'Summary',
    headers: [
      lang === 'vi' ? 'Từ ngày' : 'From',
      lang === 'vi' ? 'Đến ngày' : 'To',
      ...FIGURE_COLUMNS.map((c) => c.header[lang]),
    ],
    rows: [[period.from, period.to, ...FIGURE_COLUMNS.map((column) => column.value(figures))]],
  };
}

export function breakdownTable(
  grouping: BreakdownGrouping,
  groups: readonly BreakdownGroup[],
  lang: Language,
): ReportTable {
  return {
    title: lang === 'vi' ? `Báo cáo theo ${GROUP_HEADERS[grouping].vi.toLowerCase()}` : `By ${grouping}`,
    headers: [
      GROUP_HEADERS[grouping][lang],
      lang === 'vi' ? 'Tên' : 'Name',
      ...FIGURE_COLUMNS.map((c) => c.header[lang]),
      ...STEP_COLUMNS.map((c) => c.header[lang]),
    ],
    rows: groups.map((group) => [
      group.key,
      group.name?.[lang] ?? CHANNEL_NAMES[group.key]?.[lang] ?? null,
      ...FIGURE_COLUMNS.map((column) => column.value(group)),
      ...STEP_COLUMNS.map((column) => (group.steps ? column.value(group.steps) : null)),
    ]),
  };
}
