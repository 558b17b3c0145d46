import type { Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';

import type { IntegerRange } from './integer-between';
import { INTEGER_BETWEEN, IntegerBetweenPipe } from './integer-between';

/** A query parameter a route reads; `range` when it is a whole number. */
export interface QueryParameter {
  name: string;
  range?: IntegerRange;
}

/** A route as the route table lists it (`listRoutes` of @onegate/access). */
export interface QueryRoute {
  method: string;
  path: string;
  handler: { controller: Type; method: string };
}

export interface RouteQuery {
  parameters: QueryParameter[];
  /** What keeps the parameters from being known or bounded; empty on a well-declared route. */
  problems: string[];
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * The query parameters a route reads, from its own metadata: the properties of a query class
 * (`@Query() query: ProcedureQuery`) and named parameters (`@Query('page', pipe)`). A route that takes
 * the whole query as it came, or a number without bounds, cannot be listed: that is a problem.
 */
export function queryOf(route: QueryRoute): RouteQuery {
  const { controller, method } = route.handler;
  const argumentsByKey = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    RouteArgument
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
  const result: RouteQuery = { parameters: [], problems: [] };
  for (const [key, argument] of Object.entries(argumentsByKey)) {
    if (key.split(':')[0] !== String(RouteParamtypes.QUERY)) continue;
    const type = types[argument.index];
    const named = typeof argument.data === 'string' ? argument.data : undefined;
    const found = named ? namedParameter(named, type, argument.pipes ?? []) : classParameters(type);
    result.parameters.push(...found.parameters);
    result.problems.push(...found.problems.map((problem) => `${route.method} ${route.path}: ${problem}`));
  }
  return result;
}

function namedParameter(name: string, type: unknown, pipes: unknown[]): RouteQuery {
  const pipe = pipes.find((candidate) => candidate instanceof IntegerBetweenPipe);
  if (pipe) return { parameters: [{ name, range: pipe.range }], problems: [] };
  const problems = type === Number ? [`${name} is a number without IntegerBetweenPipe`] : [];
  return { parameters: [{ name }], problems };
}

function classParameters(type: unknown): RouteQuery {
  if (typeof type !== 'function' || type === Object) {
    return {
      parameters: [],
      problems: ['reads the whole query instead of a query class or named parameters'],
    };
  }
  const metadata = validationOf(type as Type);
  const ranges = integerRangesOf(type as Type);
  const names = [...new Set(metadata.map((entry) => entry.propertyName))];
  const result: RouteQuery = { parameters: [], problems: [] };
  for (const name of names) {
    const range = ranges.get(name);
    result.parameters.push(range ? { name, range } : { name });
    if (range) continue;
    const validators = metadata.filter((entry) => entry.propertyName === name).map((entry) => entry.name);
    if (isNumeric(type as Type, name, validators)) {
      result.problems.push(`${type.name}.${name} is a number without IntegerBetween`);
    }
  }
  return result;
}

const validationOf = (type: Type) => getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);

/** The whole-number fields of a request class (`@IntegerBetween`), with their ranges. */
export function integerRangesOf(type: Type): Map<string, IntegerRange> {
  const ranges = new Map<string, IntegerRange>();
  for (const entry of validationOf(type)) {
    if (entry.name !== INTEGER_BETWEEN) continue;
    const [min, max] = entry.constraints as [number, number];
    ranges.set(entry.propertyName, { min, max });
  }
  return ranges;
}

const NUMBER_VALIDATORS = new Set(['isInt', 'isNumber', 'min', 'max', 'isPositive', 'isNegative']);

/** Declared as a number, checked as one, or a number by default. */
function isNumeric(type: Type, name: string, validators: (string | undefined)[]): boolean {
  return (
    Reflect.getMetadata('design:type', type.prototype as object, name) === Number ||
    validators.some((validator) => validator !== undefined && NUMBER_VALIDATORS.has(validator)) ||
    typeof (new type() as Record<string, unknown>)[name] === 'number'
  );
}

/** Refuses to start an application with a route whose query parameters cannot be listed and bounded. */
export function assertEveryQueryIsDeclared(routes: QueryRoute[]): void {
  const problems = routes.flatMap((route) => queryOf(route).problems);
  if (problems.length > 0) throw new Error(`undeclared query parameters: ${problems.join('; ')}`);
}
