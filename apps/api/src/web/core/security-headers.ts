import type { RequestHandler } from 'express';
import helmet from 'helmet';

const STRICT_DIRECTIVES = {
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

/** Every page: scripts and styles only from OneGate's own files, nothing inline. */
const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_DIRECTIVES } });

/** The queue console (a packaged React app) sets inline styles; it still runs no inline script. */
const queueConsole = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { ...STRICT_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] },
  },
});

/** Swagger UI brings its own inline script and styles: it keeps helmet's other headers only. */
const apiDocs = helmet({ contentSecurityPolicy: false });

export const securityHeaders: RequestHandler = (request, response, next) => {
  if (request.path === '/api/docs' || request.path.startsWith('/api/docs/'))
    return apiDocs(request, response, next);
  if (request.path.startsWith('/admin/queues')) return queueConsole(request, response, next);
  return strict(request, response, next);
};
