import type { AgencyLevel } from '../entities';

export interface AgencySeed {
  code: string;
  parentCode: string | null;
  level: AgencyLevel;
  nameVi: string;
  nameEn: string;
}

/**
 * A few agencies of Quang Ninh province, parents before children; the tax office holds the transfer
 * steps of the land procedures (docs/applications.md, "Process").
 */
export const DEMO_AGENCIES: AgencySeed[] = [
  {
    code: 'QN',
    parentCode: null,
    level: 'province',
    nameVi: 'UBND tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Provincial People’s Committee',
  },
  {
    code: 'QN-STP',
    parentCode: 'QN',
    level: 'department',
    nameVi: 'Sở Tư pháp tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Department of Justice',
  },
  {
    code: 'QN-SXD',
    parentCode: 'QN',
    level: 'department',
    nameVi: 'Sở Xây dựng tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Department of Construction',
  },
  {
    code: 'QN-STC',
    parentCode: 'QN',
    level: 'department',
    nameVi: 'Sở Tài chính tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Department of Finance',
  },
  {
    code: 'QN-SNNMT',
    parentCode: 'QN',
    level: 'department',
    nameVi: 'Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh',
    nameEn: 'Quang Ninh Department of Agriculture and Environment',
  },
  {
    code: 'QN-HL',
    parentCode: 'QN',
    level: 'district',
    nameVi: 'UBND thành phố Hạ Long',
    nameEn: 'Ha Long City People’s Committee',
  },
  {
    code: 'QN-HL-BC',
    parentCode: 'QN-HL',
    level: 'commune',
    nameVi: 'UBND phường Bãi Cháy',
    nameEn: 'Bai Chay Ward People’s Committee',
  },
  {
    code: 'QN-THUE-HL',
    parentCode: 'QN',
    level: 'district',
    nameVi: 'Chi cục Thuế thành phố Hạ Long',
    nameEn: 'Ha Long City Tax Office',
  },
];
