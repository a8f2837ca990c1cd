import {
  type StackPorts,
  type StackProcess,
  childrenOf,
  freeStackPorts,
  javaOnPort,
  listeningAddresses,
  startStackProcess,
  tempLocalDir,
  waitFor,
} from '../support/stack-process';

/** Nothing of the stack is left: no DynamoDB Local on its port, nothing listening on any of its ports. */
const nothingLeft = (ports: StackPorts) => () =>
  javaOnPort(ports.DYNAMODB_PORT).length === 0 &&
  Object.values(ports).every((port) => listeningAddresses(port).length === 0);

describe('the local stack as a process manager meets it', () => {
  let stack: StackProcess | undefined;
  afterEach(() => stack?.killAll());

  it('stops everything, Java included, when SIGTERM goes to the npm start PID alone', async () => {
    const ports = await freeStackPorts();
    stack = startStackProcess({ ...ports, LOCAL_DIR: tempLocalDir() }, { viaNpm: true });
    await stack.ready();
    expect(javaOnPort(ports.DYNAMODB_PORT)).toHaveLength(1);
    // As systemd, tmux or an IDE sends it: to npm's PID, not to its process group.
    stack.child.kill('SIGTERM');
    await waitFor(nothingLeft(ports), 15_000, 'every process and port of the stack to go');
    await stack.exited;
  }, 60_000);

  it('takes DynamoDB Local with it when the Node process that owns the stack is killed with SIGKILL', async () => {
    const ports = await freeStackPorts();
    stack = startStackProcess({ ...ports, LOCAL_DIR: tempLocalDir() });
    await stack.ready();
    const [java] = javaOnPort(ports.DYNAMODB_PORT);
    expect(childrenOf(stack.child.pid ?? 0, /DynamoDbLocal/)).toEqual([java]);
    // SIGKILL cannot be handled: only Java's own watch on its stdin pipe can notice its parent is gone.
    process.kill(stack.child.pid ?? 0, 'SIGKILL');
    await waitFor(nothingLeft(ports), 15_000, 'Java and every port of the stack to go');
  }, 60_000);
});
