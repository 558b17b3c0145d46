import type { RequestHandler } from 'express';
import helmet from 'helmet';

const BASE_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI brings its own inline script and styles: it keeps helmet's other headers only. */
const apiDocs = helmet({ contentSecurityPolicy: false });

/**
 * Every page: scripts and styles only from OneGate's own files, nothing inline. Forms post to OneGate
 * alone, but the payment form's answer redirects to the payment gateway, which the browser checks
 * against `form-action` too (docs/portal.md).
 */
export function securityHeaders(paymentGatewayOrigin: string): RequestHandler {
  const directives = { ...BASE_DIRECTIVES, formAction: ["'self'", paymentGatewayOrigin] };
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives } });
  // The queue console (a packaged React app) sets inline styles; it still runs no inline script.
  const queueConsole = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] },
    },
  });
  return (request, response, next) => {
    if (request.path === '/api/docs' || request.path.startsWith('/api/docs/'))
      return apiDocs(request, response, next);
    if (request.path.startsWith('/admin/queues')) return queueConsole(request, response, next);
    return strict(request, response, next);
  };
}
