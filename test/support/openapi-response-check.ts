import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi-document';

/**
 * Whether a response the OpenAPI document does not describe fails the suite that received it (true),
 * or is only listed in the suite's output (false). See docs/api.md, "The response check".
 */
export const UNDESCRIBED_RESPONSES_FAIL = true;

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

let document: OpenAPIObject | undefined;
let ajv: Ajv | undefined;
/** Compiled once per schema object of the document. */
const validators = new WeakMap<object, ValidateFunction>();

/** The document is the same for every API the suites start: built once per test process. */
function documentOf(app: INestApplication): OpenAPIObject {
  document ??= buildOpenApiDocument(app);
  return document;
}

/**
 * OpenAPI 3.0's schemas as JSON Schema: `nullable: true` lets null through whatever else the schema
 * says (an enum, a reference), and references name the document.
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/components\//, 'openapi.json#/components/')
        : asJsonSchema(value),
    ]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
      addFormats(ajv);
      ajv.addFormat('binary', true);
      ajv.addSchema({ $id: 'openapi.json', components: asJsonSchema(document?.components ?? {}) });
    }
    validate = ajv.compile(asJsonSchema(schema) as object);
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * Checks every answer an API route gives against the OpenAPI document: its status must be declared for
 * the route (method and route template), and a JSON body must match the declared schema.
 */
export class ResponseCheck {
  public readonly violations: string[] = [];
  public checked = 0;

  private constructor(public readonly document: OpenAPIObject) {}

  /** Installs the check in front of every route of the app; call before it listens. */
  public static install(app: INestApplication): ResponseCheck {
    const check = new ResponseCheck(documentOf(app));
    app.use((request: Request, response: Response, next: NextFunction) => {
      let sent: unknown;
      const send = response.send.bind(response);
      response.send = (body?: unknown) => {
        sent = body;
        return send(body);
      };
      response.on('finish', () => check.inspect(request, response, sent));
      next();
    });
    return check;
  }

  private inspect(request: Request, response: Response, sent: unknown): void {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    if (request.method === 'HEAD' || typeof route !== 'string') return;
    const template = `${request.baseUrl}${route}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = (this.document.paths[template] as Record<string, Operation> | undefined)?.[
      request.method.toLowerCase()
    ];
    // Pages and other routes outside the API are not in the document.
    if (!operation) return;
    this.checked++;
    const name = `${request.method} ${template} → ${response.statusCode}`;
    const status = String(response.statusCode);
    const declared =
      operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!declared) {
      this.violations.push(
        `${name}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`,
      );
      return;
    }
    const type = String(response.getHeader('content-type') ?? '');
    if (!type.includes('json') || sent === undefined) return;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) {
      this.violations.push(`${name}: a JSON body where the document declares none`);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.isBuffer(sent) ? sent.toString('utf8') : String(sent));
    } catch {
      this.violations.push(`${name}: the body is not JSON`);
      return;
    }
    const validate = validatorOf(schema as object);
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`)
        .join('; ');
      this.violations.push(`${name}: ${errors}`);
    }
  }

  /** Fails (or, while UNDESCRIBED_RESPONSES_FAIL is false, lists) what the suite received undescribed. */
  public conclude(): void {
    if (this.violations.length === 0) return;
    const unique = [...new Set(this.violations)];
    const text = `${unique.length} response(s) the OpenAPI document does not describe:\n  ${unique.join('\n  ')}`;
    if (UNDESCRIBED_RESPONSES_FAIL) throw new Error(text);
    console.warn(`[openapi-response-check] ${text}`);
  }
}
