import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind } from '@tl/domain';
import { bodyErrorMessage } from './body-parsing';
import { ErrorBody, errorBody } from './error-response';

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
};

/**
 * The one place errors become HTTP answers, always `{statusCode, error, message}`. Anything
 * unexpected is logged with its stack and answered with a plain 500 that reveals nothing.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode === 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (reply.sent) return;
    // A route may have set headers for its success answer (an export's text/csv and attachment
    // name); an error is JSON and is shown, not downloaded.
    reply.removeHeader('Content-Disposition');
    reply.header('Content-Type', 'application/json; charset=utf-8');
    reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) return errorBody(STATUS_OF[exception.kind], exception.message, exception.code);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const bodyError = bodyErrorMessage((exception.cause as { code?: string } | undefined)?.code);
      if (bodyError) return errorBody(status, bodyError);
      const payload = exception.getResponse();
      if (typeof payload === 'string') return errorBody(status, payload);
      // Keep what the exception carries beyond the message (e.g. the health check's details).
      const { message, statusCode: _s, error: _e, ...extra } = payload as { message?: string | string[]; statusCode?: number; error?: string };
      return { ...extra, ...errorBody(status, message ?? exception.message) };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string })?.code;
      // Races the handlers' own checks cannot see (two requests at once) end here as client errors.
      if (code === '23505') return errorBody(409, 'this record already exists (a concurrent request created it)');
      if (code === '23503') return errorBody(409, 'a referenced record does not exist or is still in use');
      if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') return errorBody(400, 'a value is out of range or malformed');
      // A NUL character (\u0000) in a text, a search or a note: PostgreSQL cannot store or compare it.
      if (code === '22021' || code === '22P05') return errorBody(400, 'a text value contains a character that cannot be stored (such as \\u0000)');
    }
    return errorBody(500, 'internal error; the details are in the server log');
  }
}
