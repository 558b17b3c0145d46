import { describe, expect, it } from 'vitest';

import type { AgencyTree, TreeAgency } from './agency-picker.view';
import { agenciesInScope, agencyPickerView } from './agency-picker.view';

const agency = (code: string, parentCode: string | null, nameVi: string, nameEn: string): TreeAgency => ({
  id: `id-${code}`,
  code,
  parentId: parentCode ? `id-${parentCode}` : null,
  nameVi,
  nameEn,
  timeZone: 'Asia/Ho_Chi_Minh',
});

// Listed out of order on purpose: the picker orders them as a tree.
const AGENCIES = [
  agency('QN-HL-BC', 'QN-HL', 'UBND phường Bãi Cháy', 'Bai Chay Ward'),
  agency('QN-STP', 'QN', 'Sở Tư pháp', 'Department of Justice'),
  agency('QN-HL', 'QN', 'UBND thành phố Hạ Long', 'Ha Long City'),
  agency('QN', null, 'UBND tỉnh Quảng Ninh', 'Quang Ninh Province'),
  agency('QN-HL-HG', 'QN-HL', 'UBND phường Hồng Gai', 'Hong Gai Ward'),
];
const everything: AgencyTree = { agencies: AGENCIES, scope: null };
const haLong: AgencyTree = { agencies: AGENCIES, scope: new Set(['id-QN-HL', 'id-QN-HL-BC', 'id-QN-HL-HG']) };
const NBSP = '\u00a0';

const picker = (
  tree: AgencyTree,
  chosen?: string,
  extra: Partial<Parameters<typeof agencyPickerView>[0]> = {},
) =>
  agencyPickerView({
    lang: 'en',
    tree,
    chosen,
    action: '/supervisor/dashboard',
    keep: { from: '2025-06-01', to: '2025-06-30' },
    hidden: [],
    ...extra,
  });

describe('the agency-tree picker', () => {
  it('lists the agencies depth first, children by code, indented and named below their parent', () => {
    const { options } = picker(everything);
    expect(options.map((option) => option.value)).toEqual([
      '',
      'QN',
      'QN-HL',
      'QN-HL-BC',
      'QN-HL-HG',
      'QN-STP',
    ]);
    expect(options.map((option) => option.label)).toEqual([
      'All my agencies',
      'QN – Quang Ninh Province',
      `${NBSP.repeat(4)}QN-HL – Ha Long City (in Quang Ninh Province)`,
      `${NBSP.repeat(8)}QN-HL-BC – Bai Chay Ward (in Ha Long City)`,
      `${NBSP.repeat(8)}QN-HL-HG – Hong Gai Ward (in Ha Long City)`,
      `${NBSP.repeat(4)}QN-STP – Department of Justice (in Quang Ninh Province)`,
    ]);
    expect(options.find((option) => option.selected)?.value).toBe('');
    expect(picker(everything, 'QN-HL').options.find((option) => option.selected)?.value).toBe('QN-HL');
  });

  it('names agencies in the reader’s language', () => {
    const { options, scope } = picker(haLong, 'QN-HL-BC', { lang: 'vi' });
    expect(options[2]!.label).toBe(
      `${NBSP.repeat(4)}QN-HL-BC – UBND phường Bãi Cháy (thuộc UBND thành phố Hạ Long)`,
    );
    expect(scope).toBe(
      'Số liệu của UBND phường Bãi Cháy (QN-HL-BC); cơ quan này không có đơn vị trực thuộc.',
    );
  });

  it('offers a supervisor only their subtree, its top agency named without the parent outside it', () => {
    const { options, children } = picker(haLong);
    expect(options.map((option) => option.label)).toEqual([
      'All my agencies',
      'QN-HL – Ha Long City',
      `${NBSP.repeat(4)}QN-HL-BC – Bai Chay Ward (in Ha Long City)`,
      `${NBSP.repeat(4)}QN-HL-HG – Hong Gai Ward (in Ha Long City)`,
    ]);
    expect(children.map((child) => child.code)).toEqual(['QN-HL-BC', 'QN-HL-HG']);
    expect(agenciesInScope(haLong).map((item) => item.code)).toEqual(['QN-HL', 'QN-HL-BC', 'QN-HL-HG']);
    expect(agenciesInScope({ agencies: AGENCIES, scope: new Set() })).toEqual([]);
  });

  it('shows the path from the top, linking only the agencies in scope, and keeps the other filters', () => {
    const { path, scope } = picker(haLong, 'QN-HL-BC');
    expect(path).toEqual([
      { label: 'Quang Ninh Province (QN)', href: null, current: false },
      {
        label: 'Ha Long City (QN-HL)',
        href: '/supervisor/dashboard?from=2025-06-01&to=2025-06-30&agency=QN-HL',
        current: false,
      },
      { label: 'Bai Chay Ward (QN-HL-BC)', href: null, current: true },
    ]);
    expect(scope).toBe('Figures for Bai Chay Ward (QN-HL-BC), which has no units below it.');
  });

  it('without a choice shows the scope’s one top agency and its units, the figures including them', () => {
    const { path, children, scope } = picker(everything);
    expect(path).toEqual([{ label: 'Quang Ninh Province (QN)', href: null, current: true }]);
    expect(children).toEqual([
      {
        code: 'QN-HL',
        label: 'Ha Long City (QN-HL)',
        href: '/supervisor/dashboard?from=2025-06-01&to=2025-06-30&agency=QN-HL',
        below: '(with 2 units below)',
      },
      {
        code: 'QN-STP',
        label: 'Department of Justice (QN-STP)',
        href: '/supervisor/dashboard?from=2025-06-01&to=2025-06-30&agency=QN-STP',
        below: null,
      },
    ]);
    expect(scope).toBe('Figures for Quang Ninh Province (QN), including the 4 units below it.');
  });

  it('with several top agencies starts the path at all of them', () => {
    const tree: AgencyTree = {
      agencies: [...AGENCIES, agency('HN', null, 'UBND TP Hà Nội', 'Hanoi City')],
      scope: null,
    };
    expect(picker(tree).path).toEqual([{ label: 'All my agencies', href: null, current: true }]);
    expect(picker(tree).children.map((child) => child.code)).toEqual(['HN', 'QN']);
    expect(picker(tree).scope).toBe('Figures for all 6 agencies you report on.');
    expect(picker(tree, 'QN-HL').path.map((step) => step.href)).toEqual([
      '/supervisor/dashboard?from=2025-06-01&to=2025-06-30',
      '/supervisor/dashboard?from=2025-06-01&to=2025-06-30&agency=QN',
      null,
    ]);
  });

  it('keeps a narrowing filter up the path only, and carries the hidden filters in its form', () => {
    const view = picker(everything, 'QN-HL', {
      action: '/supervisor/dashboard/files',
      keep: { from: '2025-06-01', to: '2025-06-30', figure: 'decided', groupBy: undefined },
      hidden: ['from', 'to', 'figure', 'groupBy'],
      narrowing: { groupBy: 'agency', group: 'QN-HL-BC' },
    });
    expect(view.path[0]!.href).toBe(
      '/supervisor/dashboard/files?from=2025-06-01&to=2025-06-30&figure=decided&groupBy=agency&group=QN-HL-BC&agency=QN',
    );
    expect(view.children[0]!.href).toBe(
      '/supervisor/dashboard/files?from=2025-06-01&to=2025-06-30&figure=decided&agency=QN-HL-BC',
    );
    expect(view.hidden).toEqual([
      { name: 'from', value: '2025-06-01' },
      { name: 'to', value: '2025-06-30' },
      { name: 'figure', value: 'decided' },
    ]);
  });

  it('ignores a chosen agency outside the scope', () => {
    const view = picker(haLong, 'QN-STP');
    expect(view.options.find((option) => option.selected)?.value).toBe('');
    expect(view.path.at(-1)).toEqual({ label: 'Ha Long City (QN-HL)', href: null, current: true });
  });
});
