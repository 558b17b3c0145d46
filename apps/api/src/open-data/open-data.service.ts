import { BadRequestException, Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import type { Language } from '@onegate/domain';
import { Clock, DISPLAY_TIME_ZONE, localTime } from '@onegate/platform';
import { ReportCatalogueRepository, ReportQueryService } from '@onegate/reporting';
import type { ReportCatalogue, ReportTable } from '@onegate/reporting';

import { NOTHING_COUNTED, PUBLISHED_FIGURES, publishedFigures, suppressionReason } from './published-figures';
import type { PublishedFigure, PublishedFigures } from './published-figures';

/** The longest period one request may ask for, in months. */
export const MAX_OPEN_DATA_MONTHS = 36;
/** Answers kept at once; the oldest goes first. */
const CACHED_ANSWERS = 200;

/** A request for the open data: months `YYYY-MM`, both included, and perhaps an agency's code. */
export interface OpenDataRequest {
  from: string;
  to: string;
  agency?: string;
}

/** One agency in one month: its own files only, as the report's breakdown by agency counts them. */
export type OpenDataLine = {
  month: string;
  agency: string;
  agencyName: { vi: string; en: string };
  /** The month is still running: its figures will change until it ends. */
  provisional: boolean;
} & PublishedFigures;

export interface OpenDataMonthly {
  from: string;
  to: string;
  agency: string | null;
  /** The fewest files a published figure is counted on (OPEN_DATA_MIN_FILES). */
  minFiles: number;
  lines: OpenDataLine[];
}

const problem = (field: string, text: string) =>
  new BadRequestException({ message: `Invalid ${field}`, details: [{ field, problems: [text] }] });

/**
 * The open data (docs/open-data.md): each agency's monthly figures, read through the same report
 * query as the supervisors' breakdown by agency, with the figures on too few files held back. Each
 * API process keeps its answers for OPEN_DATA_CACHE_SECONDS.
 */
@Injectable()
export class OpenDataService {
  private readonly cache = new Map<string, { expiresAt: number; answer: Promise<OpenDataMonthly> }>();

  public constructor(
    private readonly queries: ReportQueryService,
    private readonly catalogues: ReportCatalogueRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The month running now in the province's time zone, `YYYY-MM`. */
  public currentMonth(): string {
    return localTime(this.clock.now(), DISPLAY_TIME_ZONE).inputValue.slice(0, 7);
  }

  public monthly(request: OpenDataRequest): Promise<OpenDataMonthly> {
    const current = this.currentMonth();
    const months = checkedMonths(request, current);
    const key = `${current}|${request.from}|${request.to}|${request.agency ?? ''}`;
    const now = this.clock.now().getTime();
    const kept = this.cache.get(key);
    if (kept && kept.expiresAt > now) return kept.answer;
    const answer = this.compute(request, months, current);
    this.cache.delete(key);
    if (this.cache.size >= CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { expiresAt: now + this.config.openData.cacheSeconds * 1000, answer });
    answer.catch(() => this.cache.delete(key));
    return answer;
  }

  /** The agencies a request covers: the one it names and those below it, or all, by code. */
  public agencies(catalogue: ReportCatalogue, code: string | undefined) {
    if (code === undefined) return catalogue.agencies().sort(byCode);
    const agency = catalogue.agencyByCode(code);
    if (!agency) throw problem('agency', `no agency has the code ${code}`);
    return catalogue
      .subtree(agency.id)
      .map((id) => catalogue.agency(id)!)
      .sort(byCode);
  }

  private async compute(
    request: OpenDataRequest,
    months: string[],
    current: string,
  ): Promise<OpenDataMonthly> {
    const catalogue = await this.catalogues.load();
    const agencies = this.agencies(catalogue, request.agency);
    const agencyIds = request.agency === undefined ? null : agencies.map((agency) => agency.id);
    const minFiles = this.config.openData.minFiles;
    const lines: OpenDataLine[] = [];
    // One month at a time: each is the report's breakdown by agency over that whole month.
    for (const month of months) {
      const query = { from: `${month}-01`, to: lastDayOf(month), agencyIds, procedureId: null };
      const groups = new Map(
        (await this.queries.breakdown(query, 'agency', catalogue)).map((group) => [group.key, group]),
      );
      for (const agency of agencies) {
        lines.push({
          month,
          agency: agency.code,
          agencyName: { vi: agency.nameVi, en: agency.nameEn },
          provisional: month === current,
          ...publishedFigures(groups.get(agency.code) ?? NOTHING_COUNTED, minFiles),
        });
      }
    }
    return { from: request.from, to: request.to, agency: request.agency ?? null, minFiles, lines };
  }
}

/** The months of a request, checked: `from` not after `to`, at most 36 of them, none after this one. */
function checkedMonths(request: OpenDataRequest, current: string): string[] {
  if (request.from > request.to) {
    throw problem('from', `from (${request.from}) must not be after to (${request.to})`);
  }
  if (request.to > current) {
    throw problem('to', `to (${request.to}) must not be after the current month (${current})`);
  }
  const months: string[] = [];
  for (let month = request.from; month <= request.to; month = nextMonth(month)) {
    if (months.length === MAX_OPEN_DATA_MONTHS) {
      throw problem('to', `a request covers at most ${MAX_OPEN_DATA_MONTHS} months`);
    }
    months.push(month);
  }
  return months;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  return next > 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(next).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const HEADERS: { readonly [F in PublishedFigure]: { readonly [L in Language]: string } } = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  decided: { vi: 'Đã giải quyết', en: 'Decided' },
  onTime: { vi: 'Giải quyết đúng hạn', en: 'Decided on time' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  meanTurnaroundDays: {
    vi: 'Thời gian giải quyết trung bình (ngày làm việc)',
    en: 'Mean turnaround (working days)',
  },
  returned: { vi: 'Đã trả kết quả', en: 'Returned' },
  fullyOnline: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  fullyOnlineShare: { vi: 'Tỷ lệ trực tuyến toàn trình', en: 'Fully online share' },
};

const LEAD_HEADERS = {
  vi: ['Tháng', 'Mã cơ quan', 'Tên cơ quan', 'Tạm tính'],
  en: ['Month', 'Agency code', 'Agency name', 'Provisional'],
} as const;
const NOTE_HEADER = { vi: 'Số liệu không công bố', en: 'Figures withheld' } as const;
const TOO_FEW = {
  vi: (minFiles: number) => `ít hơn ${minFiles} hồ sơ`,
  en: suppressionReason,
} as const;
const YES_NO = { vi: ['có', 'không'], en: ['yes', 'no'] } as const;

/**
 * The open data as a table, one row per agency and month: empty cells for the figures held back, and
 * a last column naming them with the reason.
 */
export function openDataTable(data: OpenDataMonthly, lang: Language): ReportTable {
  return {
    title: lang === 'vi' ? 'Số liệu mở theo tháng' : 'Open data by month',
    headers: [
      ...LEAD_HEADERS[lang],
      ...PUBLISHED_FIGURES.map((name) => HEADERS[name][lang]),
      NOTE_HEADER[lang],
    ],
    rows: data.lines.map((line) => {
      const withheld = PUBLISHED_FIGURES.filter((name) => line.suppressed[name] !== undefined);
      return [
        line.month,
        line.agency,
        line.agencyName[lang],
        YES_NO[lang][line.provisional ? 0 : 1],
        ...PUBLISHED_FIGURES.map((name) => line[name]),
        withheld.length === 0
          ? null
          : `${withheld.map((name) => HEADERS[name][lang]).join('; ')}: ${TOO_FEW[lang](data.minFiles)}`,
      ];
    }),
  };
}
