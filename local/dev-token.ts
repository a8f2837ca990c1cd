import { parseArgs } from 'node:util';
import { ljungby } from '../shared/municipality';
import { localIdentity } from './identity';
import { localPorts } from './ports';
import { withRunningStack } from './stack-record';

/** `npm run --silent dev-token -- --committee <id> [--committee <id>] [--admin]` prints a bearer token. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { committee: { type: 'string', multiple: true, default: [] }, admin: { type: 'boolean', default: false } },
  });
  const known = new Set(ljungby.committees.map((c) => c.id));
  const unknown = values.committee.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    console.error(`Unknown committee ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
    process.exit(2);
  }
  if (values.committee.length === 0 && !values.admin) {
    console.error('Give --committee <id> (repeatable) and/or --admin');
    process.exit(2);
  }
  // The issuer names the running stack's port: a token for another port is refused.
  const identity = await localIdentity(localPorts(withRunningStack()).api);
  process.stdout.write(`${await identity.issue({ committees: values.committee, admin: values.admin })}\n`);
}

main().catch((error: unknown) => {
  console.error(`npm run dev-token failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
