import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-response';

export const BODY_LIMIT = '1mb';

/**
 * JSON bodies up to 1 MB. Parser failures happen before Nest's filters run, so they are answered
 * here in the same error shape: 413 for an oversized body, 400 for malformed JSON.
 */
export function installBodyParsing(app: INestApplication): void {
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use((error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    if (error.type === 'entity.too.large') return res.status(413).json(errorBody(413, `the request body is larger than ${BODY_LIMIT}`));
    if (error.type === 'entity.parse.failed') return res.status(400).json(errorBody(400, 'the request body is not valid JSON'));
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
    return res.status(status).json(errorBody(status, error.message ?? 'the request body could not be read'));
  });
}
