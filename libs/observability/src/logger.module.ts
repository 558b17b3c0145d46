import { IncomingMessage } from 'node:http';

import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';

import { AppConfig } from '@onegate/config';

import { assignRequestId } from './request-id';

/** Fields that may hold personal data or secrets; pino replaces them before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.nationalId',
  '*.refreshToken',
  '*.accessToken',
  '*.idToken',
  '*.token',
  '*.formData',
  // A failed query carries the values it was given (national ID numbers, e-mails, form data), and
  // PostgreSQL repeats the offending value in its detail ("Key (email)=(…) already exists").
  'err.parameters',
  'err.driverError.parameters',
  'err.driverError.detail',
  'err.detail',
];

/** JSON logs with a request id; pretty-printed in development. Query strings are never logged. */
@Module({})
export class LoggerModule {
  public static forRoot(): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              genReqId: assignRequestId,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              serializers: {
                req: (request: IncomingMessage & { id?: string }) => ({
                  id: request.id,
                  method: request.method,
                  path: request.url?.split('?')[0],
                }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
              autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health/live' },
              transport:
                config.env === 'development'
                  ? { target: 'pino-pretty', options: { singleLine: true } }
                  : undefined,
            },
          }),
        }),
      ],
    };
  }
}
