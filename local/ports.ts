import { createServer } from 'node:net';
import * as z from 'zod/mini';
import { parseOrThrow } from '../shared/validation';

const port = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535)), fallback);

const portsSchema = z.object({
  PORT: port(3000),
  DYNAMODB_PORT: port(8000),
  SES_PORT: port(8005),
  SCHEDULE_INTERVAL_SECONDS: z._default(z.coerce.number().check(z.positive()), 60),
});

export interface LocalPorts {
  readonly api: number;
  readonly dynamodb: number;
  readonly ses: number;
  readonly scheduleIntervalSeconds: number;
}

export function localPorts(environment: NodeJS.ProcessEnv = process.env): LocalPorts {
  // A setting left blank (`PORT=` in a shell or a .env file) means "not set", not port 0.
  const given = Object.fromEntries(Object.entries(environment).filter(([, value]) => value?.trim()));
  const p = parseOrThrow(portsSchema, given, (issues) => `Bad local setting: ${issues.replace(/\n/g, ' ')}`);
  return {
    api: p.PORT,
    dynamodb: p.DYNAMODB_PORT,
    ses: p.SES_PORT,
    scheduleIntervalSeconds: p.SCHEDULE_INTERVAL_SECONDS,
  };
}

/** Resolves when the port is free on that address; rejects with a one-line reason otherwise. */
export function assertPortFree(port: number, envName: string, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use (${envName}): stop whatever uses it, or set ${envName} to another port.`
            : `Port ${port} (${envName}) cannot be used: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A port the OS says is free right now (for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `ALLOWED_ORIGINS=http://localhost:8080,https://test.example`: more origins whose pages may embed the form. */
export function allowedOriginsFrom(environment: NodeJS.ProcessEnv): string[] {
  const listed = (environment.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return listed.map((origin) => {
    const url = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new Error(
        `Bad local setting: ALLOWED_ORIGINS holds "${origin}"; list origins like http://localhost:8080, comma-separated.`,
      );
    }
    return url.origin;
  });
}
