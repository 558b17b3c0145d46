import { Controller, Headers, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '@onegate/access';
import { OAuthError, PartnerCalls, PartnerTokens } from '@onegate/auth';
import { Clock } from '@onegate/platform';

import { ErrorBody } from '../openapi/error-body.dto';
import { clientCredentialsOf } from './client-credentials';

const TOKEN_ROUTE = '/api/oauth/token';

/** RFC 6749 §5.2's error body. */
const OAUTH_ERROR = {
  type: 'object' as const,
  required: ['error'],
  properties: {
    error: {
      type: 'string' as const,
      enum: ['invalid_request', 'unsupported_grant_type', 'invalid_client'],
      example: 'invalid_client',
    },
    error_description: { type: 'string' as const },
  },
};

/**
 * The token endpoint of the client credentials grant (RFC 6749 §4.4) for partner clients
 * (docs/partner-clients.md). Its errors are RFC 6749 §5.2's `{error, error_description}`, not the API's
 * usual error body, since OAuth client libraries read them.
 */
@ApiTags('partners')
@Controller('api/oauth')
@Public()
export class OAuthTokenController {
  public constructor(
    private readonly tokens: PartnerTokens,
    private readonly calls: PartnerCalls,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'Get a partner access token (client credentials grant)' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({
    description: 'The access token (RFC 6749 §5.1)',
    schema: {
      type: 'object',
      required: ['access_token', 'token_type', 'expires_in', 'scope'],
      properties: {
        access_token: { type: 'string' },
        token_type: { type: 'string', enum: ['Bearer'] },
        expires_in: { type: 'integer', example: 600 },
        scope: { type: 'string', example: 'files:read reports:read' },
      },
    },
  })
  @ApiExtraModels(ErrorBody)
  @ApiBadRequestResponse({
    description:
      '`invalid_request` or `unsupported_grant_type`; a body that is not well-formed gets the usual error body',
    schema: { anyOf: [OAUTH_ERROR, { $ref: getSchemaPath(ErrorBody) }] },
  })
  @ApiUnauthorizedResponse({ description: '`invalid_client`', schema: OAUTH_ERROR })
  @Post('token')
  @HttpCode(HttpStatus.OK)
  public async token(
    @Req() request: Request,
    @Res() response: Response,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    let clientId: string | null = null;
    try {
      const credentials = clientCredentialsOf(authorization, request.body as unknown);
      const client = await this.tokens.clientWith(credentials.clientId, credentials.secret, this.clock.now());
      clientId = client.id;
      response.status(HttpStatus.OK).json(await this.tokens.issue(client));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      clientId = error.clientId;
      if (error.code === 'invalid_client' && authorization?.startsWith('Basic ')) {
        response.setHeader('WWW-Authenticate', 'Basic realm="onegate"');
      }
      response.status(error.getStatus()).json(error.getResponse());
    }
    // A registered client's requests for tokens are among its calls (refused ones too).
    if (clientId) {
      await this.calls.record({
        clientId,
        method: 'POST',
        route: TOKEN_ROUTE,
        path: TOKEN_ROUTE,
        status: response.statusCode,
        ip: request.ip ?? null,
      });
    }
  }
}
