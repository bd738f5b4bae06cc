import net from 'node:net';

/** True when something accepts TCP connections on the PostgreSQL port; FerretDB then uses it. */
export function postgresAnswers(host = '127.0.0.1', port = 5432, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
