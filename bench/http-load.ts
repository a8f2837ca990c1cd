import { Agent, request } from 'node:http';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Round, loadRound } from './measure';

/** One round of load: `total` POSTs to `url`, taking `bodies` in turn, `concurrency` in flight. */
interface LoadRound {
  readonly url: string;
  readonly total: number;
  readonly concurrency: number;
  readonly bodies: readonly string[];
}

/** POSTs a JSON body over a kept-alive connection; rejects unless the answer is 201. */
function post(agent: Agent, url: string, json: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (response) => {
        let text = '';
        response
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () => {
            if (response.statusCode === 201) resolve();
            else reject(new Error(`answered ${response.statusCode}: ${text}`));
          });
      },
    );
    sent.on('error', reject).end(json);
  });
}

async function runRound({ url, total, concurrency, bodies }: LoadRound): Promise<Round> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    return await loadRound(total, concurrency, (i) => post(agent, url, bodies[i % bodies.length] as string));
  } finally {
    agent.destroy();
  }
}

const LOAD_PROCESS = '--http-load';

if (process.argv.includes(LOAD_PROCESS)) {
  process.on('message', (round: LoadRound) => {
    runRound(round).then(
      (result) => process.send?.({ result }),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * A load generator in its own process, as the citizens' browsers are not the server: sharing the gateway's event
 * loop, the client's own HTTP work would be charged to the handler.
 */
export function httpLoad() {
  const child = fork(fileURLToPath(import.meta.url), [LOAD_PROCESS], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return {
    /** Accepted POSTs per second and each one's latency; fails on the first answer that is not 201. */
    round(round: LoadRound): Promise<Round> {
      return new Promise((resolve, reject) => {
        child.once('message', (answer: { result?: Round; error?: string }) =>
          answer.error ? reject(new Error(answer.error)) : resolve(answer.result as Round),
        );
        child.send(round);
      });
    },
    /** The load generator's process, whose CPU the bench accounts for apart. */
    pid: child.pid as number,
    stop: () => child.disconnect(),
  };
}
