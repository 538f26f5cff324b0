import { once } from 'node:events';
import { connect as netConnect } from 'node:net';
import { createServer, Server } from 'node:tls';
import { generate } from 'selfsigned';
import { ManagedAmqpConnection } from '../src';
import { TEST_VHOST } from '../../../test-support/env';

/**
 * An agency node in its own network reaches the hub's broker over TLS (docs/deploying-an-agency-node.md).
 * The broker here listens without TLS, so the test puts a TLS front on it with a certificate of its own,
 * as a hub's load balancer or RabbitMQ's own TLS listener would, and connects through it as a node does.
 */
describe('connecting to the broker over TLS', () => {
  let front: Server;
  let port: number;
  let ca: Buffer;

  beforeAll(async () => {
    const certificate = await generate([{ name: 'commonName', value: 'localhost' }], {
      notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    });
    ca = Buffer.from(certificate.cert);
    front = createServer({ key: certificate.private, cert: certificate.cert }, (socket) => {
      const broker = netConnect(5672, '127.0.0.1');
      socket.pipe(broker).pipe(socket);
      socket.on('error', () => broker.destroy());
      broker.on('error', () => socket.destroy());
    });
    front.listen(0, '127.0.0.1');
    await once(front, 'listening');
    port = (front.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => front.close(() => resolve())));

  const url = () => `amqps://guest:guest@localhost:${port}/${encodeURIComponent(TEST_VHOST)}`;

  it('connects when it trusts the CA that signed the broker certificate (AMQP_TLS_CA_FILE)', async () => {
    const connection = new ManagedAmqpConnection(url(), 'tls-test', undefined, { ca: [ca] });
    await connection.start();
    expect(connection.isConnected).toBe(true);
    await connection.close();
  });

  it('refuses a broker whose certificate it cannot verify', async () => {
    const connection = new ManagedAmqpConnection(url(), 'tls-test');
    await connection.start();
    expect(connection.isConnected).toBe(false);
    await connection.close();
  });
});
