import { Controller, Get, Query } from '@nestjs/common';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';

import { IntegerBetween, IntegerBetweenPipe } from './integer-between';
import { assertEveryQueryIsDeclared, queryOf } from './query-parameters';

class SearchQuery {
  @IsOptional()
  @IsString()
  public q?: string;

  @IsOptional()
  @IntegerBetween(1, 50)
  public page = 1;
}

class UnboundedQuery {
  @IsOptional()
  @IsInt()
  public limit = 10;
}

@Controller('things')
class ThingsController {
  @Get()
  public search(@Query() query: SearchQuery) {
    return query;
  }

  @Get('named')
  public named(@Query('year', new IntegerBetweenPipe(2000, 2100)) year: number, @Query('q') q: unknown) {
    return [year, q];
  }

  @Get('whole')
  public whole(@Query() query: unknown) {
    return query;
  }

  @Get('unbounded')
  public unbounded(@Query() query: UnboundedQuery, @Query('n') n: number) {
    return [query, n];
  }
}

const route = (method: keyof ThingsController) => ({
  method: 'GET',
  path: `/things/${method}`,
  handler: { controller: ThingsController, method },
});

describe('the query parameters of a route', () => {
  it('are the properties of its query class and its named parameters, whole numbers with their range', () => {
    expect(queryOf(route('search'))).toEqual({
      parameters: [{ name: 'q' }, { name: 'page', range: { min: 1, max: 50 } }],
      problems: [],
    });
    expect(queryOf(route('named')).parameters).toEqual(
      expect.arrayContaining([{ name: 'year', range: { min: 2000, max: 2100 } }, { name: 'q' }]),
    );
  });

  it('cannot be listed when the route takes the whole query, nor bounded when a number has no range', () => {
    expect(queryOf(route('whole')).problems).toEqual([
      'GET /things/whole: reads the whole query instead of a query class or named parameters',
    ]);
    expect(queryOf(route('unbounded')).problems.sort()).toEqual([
      'GET /things/unbounded: UnboundedQuery.limit is a number without IntegerBetween',
      'GET /things/unbounded: n is a number without IntegerBetweenPipe',
    ]);
    expect(() => assertEveryQueryIsDeclared([route('search'), route('whole')])).toThrow(
      /undeclared query parameters: GET \/things\/whole/,
    );
    expect(() => assertEveryQueryIsDeclared([route('search'), route('named')])).not.toThrow();
  });
});
