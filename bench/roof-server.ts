import { createServer } from 'node:http';

/**
 * The roof of the API benchmark: a bare node:http server answering every request with a small
 * JSON body, as fast as this machine serves HTTP at all. Prints its URL once listening.
 */
const body = JSON.stringify({ status: 'ok' });
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': Buffer.byteLength(body),
};

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address) {
    console.log(`roof listening: http://127.0.0.1:${address.port}`);
  }
});

process.once('SIGTERM', () => server.close(() => process.exit(0)));
