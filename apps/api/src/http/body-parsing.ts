export const BODY_LIMIT = '1 MB';
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify parses JSON bodies up to 1 MB before the route runs; Nest hands its failures to the
 * exception filter as HttpExceptions carrying the Fastify error. These are the messages a client
 * reads for them.
 */
export function bodyErrorMessage(fastifyCode: string | undefined): string | undefined {
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is larger than ${BODY_LIMIT}`;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the request body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty; send a JSON object';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the request body as JSON (Content-Type: application/json)';
    default:
      return undefined;
  }
}
