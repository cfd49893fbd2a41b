import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HubError } from './errors.ts';

/** Fastify's own error codes for bodies it cannot take, mapped to ours. */
const FASTIFY_CODES: Record<string, { code: HubError['code']; status: number; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request:bad-json', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request:bad-json', status: 400, message: 'the body is empty; send JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request:too-large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request:unsupported-media-type', status: 415, message: 'send Content-Type: application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request:bad-body', status: 400 },
};

/** Turns every error into `{error: {code, message}}` with the right status; 5xx are logged. */
export function installErrorHandling(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HubError) return reply.code(err.statusCode).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const where = err.validationContext ?? 'body';
      const path = issue?.instancePath ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.') : '';
      const message = `${where}${path ? `.${path}` : ''}: ${issue?.message ?? 'does not match the contract'}`;
      return reply.code(400).send(new HubError('request:bad-body', message, 400).toBody());
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) {
      const message =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the body is larger than ${(bodyLimitBytes / 1024 / 1024).toFixed(0)} MiB; split it into smaller batches`
          : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
            ? `the body is not valid JSON: ${err.message}`
            : (known.message ?? err.message);
      return reply.code(known.status).send(new HubError(known.code, message, known.status).toBody());
    }
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send(new HubError('request:bad-body', err.message, err.statusCode).toBody());
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(new HubError('internal', 'internal error; the hub logged it', 500).toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(new HubError('request:not-found', `no route ${request.method} ${request.url.split('?')[0]}`, 404).toBody()),
  );
}
