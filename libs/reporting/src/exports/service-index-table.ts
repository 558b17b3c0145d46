import type { Language } from '@onegate/domain';

import type { CriterionId, MissingData } from '../service-index/criteria';
import type { RankedUnit, ServiceIndexResult } from '../service-index/service-index-query.service';
import type { ReportTable } from './report-table';

type Text = { readonly [L in Language]: string };

/** The criteria's names, as docs/decision-766.md gives them. */
export const CRITERION_NAMES: { readonly [Id in CriterionId]: Text } = {
  '1a': { vi: 'Công bố thủ tục đúng hạn', en: 'Procedures announced on time' },
  '1b': { vi: 'Cập nhật, công khai thủ tục đúng hạn', en: 'Procedures published on time' },
  '1c': { vi: 'Công khai đầy đủ các bộ phận của thủ tục', en: 'Procedures published with all their parts' },
  '1d': {
    vi: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    en: 'Files synchronised to the national portal',
  },
  '2a': { vi: 'Hồ sơ giải quyết trước hạn, đúng hạn', en: 'Files processed early or on time' },
  '2b': { vi: 'Thời gian giải quyết trung bình', en: 'Mean resolution time' },
  '3a': { vi: 'Thủ tục cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' },
  '3b': { vi: 'Dịch vụ công trực tuyến có phát sinh hồ sơ', en: 'Online services actually used' },
  '3c': { vi: 'Hồ sơ tiếp nhận trực tuyến', en: 'Files received online' },
  '3d': { vi: 'Thủ tục có phí thanh toán trực tuyến', en: 'Fee procedures payable online' },
  '3e': { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Files paid online' },
  '4a': { vi: 'Hồ sơ cấp kết quả điện tử', en: 'Files with an electronic result' },
  '4b': { vi: 'Hồ sơ được số hóa', en: 'Digitised files' },
  '4c': { vi: 'Tái sử dụng dữ liệu số hóa', en: 'Reuse of digitised data' },
  '5a': { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' },
  '5b': { vi: 'Hài lòng về xử lý phản ánh, kiến nghị', en: 'Satisfaction with feedback handling' },
  '5c': { vi: 'Hài lòng về giải quyết hồ sơ', en: 'Satisfaction with file handling' },
};

export const MISSING_DATA_REASONS: { readonly [Reason in MissingData]: Text } = {
  publication_dates: {
    vi: 'Cần ngày công bố, công khai trong Cơ sở dữ liệu quốc gia về thủ tục hành chính',
    en: 'Needs the announcement and publication dates of the national procedures database',
  },
};

const T = (vi: string, en: string): Text => ({ vi, en });

/** The index as a table: one row per criterion, "not computed here" ones with their reason. */
export function serviceIndexTable(index: ServiceIndexResult, lang: Language): ReportTable {
  return {
    title: lang === 'vi' ? 'Chỉ số phục vụ (Quyết định 766)' : 'Service index (Decision 766)',
    headers: [
      T('Nhóm', 'Group'),
      T('Tiêu chí', 'Criterion'),
      T('Tên', 'Name'),
      T('Tử số', 'Numerator'),
      T('Mẫu số', 'Denominator'),
      T('Tỷ lệ', 'Rate'),
      T('Điểm', 'Points'),
      T('Điểm tối đa', 'Maximum'),
      T('Ghi chú', 'Note'),
    ].map((header) => header[lang]),
    rows: index.criteria.map((criterion) => [
      criterion.group,
      criterion.id,
      CRITERION_NAMES[criterion.id][lang],
      criterion.numerator,
      criterion.denominator,
      criterion.meanDays ?? criterion.rate,
      criterion.points,
      criterion.max,
      criterion.missing
        ? MISSING_DATA_REASONS[criterion.missing][lang]
        : criterion.scored && !criterion.confirmed
          ? lang === 'vi'
            ? 'Thang điểm chưa được xác nhận'
            : 'Unconfirmed scoring'
          : null,
    ]),
  };
}

export function rankingTable(units: readonly RankedUnit[], lang: Language): ReportTable {
  return {
    title: lang === 'vi' ? 'Xếp hạng chỉ số phục vụ' : 'Service index ranking',
    headers: [
      T('Hạng', 'Rank'),
      T('Cơ quan', 'Agency'),
      T('Tên', 'Name'),
      T('Tổng điểm', 'Total'),
      T('Điểm tối đa tính được', 'Computable maximum'),
      ...['1', '2', '3', '4', '5'].map((id) => T(`Nhóm ${id}`, `Group ${id}`)),
    ].map((header) => header[lang]),
    rows: units.map((unit) => [
      unit.rank,
      unit.agency,
      unit.name[lang],
      unit.total,
      unit.computableMax,
      ...unit.groups.map((group) => group.points),
    ]),
  };
}
