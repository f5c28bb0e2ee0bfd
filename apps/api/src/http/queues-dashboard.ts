import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '@tl/auth';
import { QueueName } from '@tl/queues';
import { errorBody } from './error-response';

export const QUEUES_DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'tl_admin_token';

function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const query = typeof req.query.token === 'string' ? req.query.token : undefined;
  const cookie = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  return header ?? query ?? cookie;
}

/**
 * Bull Board at /api/admin/queues, for admins. A browser opens it once with ?token=<accessToken>;
 * the token then rides in an http-only cookie scoped to the dashboard.
 */
export function installQueuesDashboard(app: INestApplication): void {
  const auth = app.get(AuthService);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
  });
  app.use(QUEUES_DASHBOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    try {
      if (!token) throw new Error('missing');
      const user = await auth.verify(token);
      if (user.role !== 'admin') return res.status(403).json(errorBody(403, 'the queues dashboard is for admin users'));
      if (typeof req.query.token === 'string') {
        res.cookie?.(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUES_DASHBOARD_PATH });
        if (!res.cookie) res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=${QUEUES_DASHBOARD_PATH}`);
      }
      return next();
    } catch {
      return res.status(401).json(errorBody(401, 'the queues dashboard needs an admin token: open it with ?token=<accessToken> or send Authorization: Bearer'));
    }
  }, serverAdapter.getRouter());
}
