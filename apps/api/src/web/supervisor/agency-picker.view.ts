import type { AuthenticatedUser } from '@onegate/access';
import type { Language } from '@onegate/domain';
import type { AgencyRepository } from '@onegate/persistence';

import { translate } from '../core/messages';

/** An agency as the picker needs it. */
export interface TreeAgency {
  id: string;
  code: string;
  parentId: string | null;
  nameVi: string;
  nameEn: string;
  timeZone: string;
}

/** The agency tree and the agencies a reader reports on (null: every one, for administrators). */
export interface AgencyTree {
  agencies: TreeAgency[];
  scope: ReadonlySet<string> | null;
}

/** What a page asks of the picker. */
export interface AgencyPickerRequest {
  lang: Language;
  tree: AgencyTree;
  /** The agency chosen (its code), if it is one the reader reports on. */
  chosen: string | undefined;
  /** The page the links and the form lead to. */
  action: string;
  /** The page's other filters, kept by every link (period, figure, ...). */
  keep: Record<string, string | undefined>;
  /** Which of `keep` the form carries as hidden fields (those it has no input for). */
  hidden: readonly string[];
  /**
   * Filters that name something of one agency (a procedure, a breakdown's agency line): kept by the
   * links up the path, whose agencies contain it, and left by the others.
   */
  narrowing?: Record<string, string | undefined>;
}

const INDENT = '\u00a0'.repeat(4);

/**
 * The agencies and the reader's scope, as the report scope reads them (docs/metrics.md): every agency
 * for administrators; a supervisor's agency and every agency below it; nothing for staff without one.
 */
export async function agencyTreeOf(
  repository: AgencyRepository,
  user: AuthenticatedUser,
): Promise<AgencyTree> {
  const agencies = (await repository.list({ page: 1, pageSize: 500 })).items.map(
    ({ id, code, parentId, nameVi, nameEn, timeZone }) => ({ id, code, parentId, nameVi, nameEn, timeZone }),
  );
  if (user.role === 'admin') return { agencies, scope: null };
  return { agencies, scope: new Set(user.agencyId ? await repository.subtreeIds(user.agencyId) : []) };
}

/** The agencies of the tree the reader reports on, in the tree's order. */
export function agenciesInScope(tree: AgencyTree): TreeAgency[] {
  return treeOrder(tree).map(({ agency }) => agency);
}

function childrenMap(agencies: readonly TreeAgency[]): Map<string | null, TreeAgency[]> {
  const children = new Map<string | null, TreeAgency[]>();
  for (const agency of [...agencies].sort((a, b) => a.code.localeCompare(b.code))) {
    children.set(agency.parentId, [...(children.get(agency.parentId) ?? []), agency]);
  }
  return children;
}

const inScope = (tree: AgencyTree, id: string) => !tree.scope || tree.scope.has(id);

/** The top agencies of the reader's scope: in scope, their parent not. */
function scopeRoots(tree: AgencyTree): TreeAgency[] {
  return tree.agencies
    .filter((agency) => inScope(tree, agency.id) && !(agency.parentId && inScope(tree, agency.parentId)))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Depth first from the scope's top agencies, children by code; each with its depth in the scope. */
function treeOrder(tree: AgencyTree): { agency: TreeAgency; depth: number }[] {
  const children = childrenMap(tree.agencies);
  const ordered: { agency: TreeAgency; depth: number }[] = [];
  const visit = (agency: TreeAgency, depth: number) => {
    ordered.push({ agency, depth });
    for (const child of children.get(agency.id) ?? []) if (inScope(tree, child.id)) visit(child, depth + 1);
  };
  for (const root of scopeRoots(tree)) visit(root, 0);
  return ordered;
}

/**
 * The agency-tree picker of the supervisor's pages (docs/portal.md, "The agency picker"): the select
 * of the agencies in scope in the tree's order, indented, each below another naming it in words; the
 * agency shown with its path from the top, each agency of the path the reader reports on a link; the
 * units right below it as links; and in words that the figures include every unit below.
 */
export function agencyPickerView(request: AgencyPickerRequest) {
  const { lang, tree, action } = request;
  const byId = new Map(tree.agencies.map((agency) => [agency.id, agency]));
  const name = (agency: TreeAgency) => (lang === 'vi' ? agency.nameVi : agency.nameEn);
  const named = (agency: TreeAgency) => `${name(agency)} (${agency.code})`;
  const ordered = treeOrder(tree);
  // In depth-first order, an agency's units below it are the deeper ones right after it.
  const below = (agency: TreeAgency) => {
    const at = ordered.findIndex((entry) => entry.agency === agency);
    const end = ordered.findIndex((entry, index) => index > at && entry.depth <= ordered[at]!.depth);
    return (end < 0 ? ordered.length : end) - at - 1;
  };
  const roots = scopeRoots(tree);
  const chosen = ordered.find(({ agency }) => agency.code === request.chosen)?.agency;
  // Without a choice, a scope with one top agency shows that agency: its figures are the scope's.
  const focus = chosen ?? (roots.length === 1 ? roots[0] : undefined);

  const href = (code: string | undefined, narrowed: boolean) => {
    const query = new URLSearchParams();
    const kept = { ...request.keep, ...(narrowed ? request.narrowing : {}), agency: code };
    for (const [key, value] of Object.entries(kept)) if (value) query.set(key, value);
    const text = query.toString();
    return text ? `${action}?${text}` : action;
  };

  const options = [
    { value: '', label: translate(lang, 'agencyPicker.all'), selected: !chosen },
    ...ordered.map(({ agency, depth }) => {
      const parent = agency.parentId ? byId.get(agency.parentId) : undefined;
      const within =
        parent && inScope(tree, parent.id)
          ? ` ${translate(lang, 'agencyPicker.within', { parent: name(parent) })}`
          : '';
      return {
        value: agency.code,
        label: `${INDENT.repeat(depth)}${agency.code} – ${name(agency)}${within}`,
        depth,
        selected: agency.code === chosen?.code,
      };
    }),
  ];

  const ancestors: TreeAgency[] = [];
  for (let at = focus?.parentId ? byId.get(focus.parentId) : undefined; at;) {
    ancestors.unshift(at);
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  const all = {
    label: translate(lang, 'agencyPicker.all'),
    href: focus ? href(undefined, true) : null,
    current: !focus,
  };
  const path = [
    ...(roots.length === 1 ? [] : [all]),
    ...ancestors.map((agency) => ({
      label: named(agency),
      href: inScope(tree, agency.id) ? href(agency.code, true) : null,
      current: false,
    })),
    ...(focus ? [{ label: named(focus), href: null, current: true }] : []),
  ];

  const childAgencies = focus
    ? ordered.filter(({ agency }) => agency.parentId === focus.id).map(({ agency }) => agency)
    : roots;
  const children = childAgencies.map((agency) => {
    const count = below(agency);
    return {
      code: agency.code,
      label: named(agency),
      href: href(agency.code, false),
      below: count > 0 ? translate(lang, 'agencyPicker.childBelow', { count }) : null,
    };
  });

  const count = focus ? below(focus) : ordered.length;
  const scope = focus
    ? translate(lang, count > 0 ? 'agencyPicker.scope' : 'agencyPicker.scopeAlone', {
        agency: named(focus),
        count,
      })
    : translate(lang, 'agencyPicker.scopeAll', { count });

  return {
    action,
    hidden: request.hidden
      .map((key) => ({ name: key, value: request.keep[key] }))
      .filter((field): field is { name: string; value: string } => Boolean(field.value)),
    options,
    path,
    scope,
    children,
  };
}
