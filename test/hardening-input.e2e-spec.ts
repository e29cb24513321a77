import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { gifImage } from './factories/image.factory';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options'];

function expectFrameAnswer(
  response: {
    headers: Record<string, unknown>;
    body: { error?: { code?: string; requestId?: string } };
  },
  code: string,
) {
  expect(response.body.error?.code).toBe(code);
  expect(response.body.error?.requestId).toBe(response.headers['x-request-id']);
  for (const header of SECURITY_HEADERS) expect(response.headers[header]).toBeDefined();
}

/** A raw multipart body with the given parts, for shapes supertest will not build. */
function multipart(
  boundary: string,
  parts: { name: string; filename?: string; content: Buffer }[],
) {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.filename ? `; filename="${part.filename}"\r\nContent-Type: image/gif` : '') +
        '\r\n\r\n',
    ),
    part.content,
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

describe('hardening: bad input is never a 500 (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;
  let productId: string;

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    productId = (await suite.factory.product()).id;
  });

  describe('JSON bodies', () => {
    it.each([
      ['1,300 levels', `{"name":${'['.repeat(1300)}${']'.repeat(1300)}}`],
      ['600 KB of nesting', `{"name":${'['.repeat(300_000)}${']'.repeat(300_000)}}`],
      ['objects 40 deep', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`],
    ])('refuses %s with a 400 before walking it', async (_label, body) => {
      for (const path of ['/auth/login', '/auth/register', '/products']) {
        const response = await testApp.http
          .post(path)
          .set('Authorization', admin)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(response.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field: 'body', message: 'The body nests deeper than 32 levels' }],
        });
      }
    });

    it('accepts nesting up to the limit (it is then validated as usual)', async () => {
      const body = `{"username":"x","password":"y","extra":${'['.repeat(30)}${']'.repeat(30)}}`;
      const response = await testApp.http
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'extra', message: 'property extra should not exist' },
      ]);
    });

    it.each([
      ['__proto__', '{"__proto__":{"admin":true},"username":"x","password":"y"}'],
      ['nested __proto__', '{"card":{"__proto__":{"x":1}},"username":"x","password":"y"}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"x":1}},"username":"x"}'],
    ])('refuses a body with %s, saying why', async (_label, body) => {
      const response = await testApp.http
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body.error.message).toContain('"__proto__"');
    });
  });

  describe('multipart uploads', () => {
    const send = (contentType: string, body: Buffer) =>
      testApp.http
        .post(`/products/${productId}/images`)
        .set('Authorization', admin)
        .set('Content-Type', contentType)
        .send(body);

    it.each([
      [
        'no boundary',
        'multipart/form-data',
        multipart('b1', [{ name: 'file', filename: 'a.gif', content: gifImage() }]),
      ],
      [
        'a wrong boundary',
        'multipart/form-data; boundary=other',
        multipart('b1', [{ name: 'file', filename: 'a.gif', content: gifImage() }]),
      ],
      [
        'a truncated body',
        'multipart/form-data; boundary=b1',
        multipart('b1', [{ name: 'file', filename: 'a.gif', content: gifImage() }]).subarray(0, 60),
      ],
      [
        'a text part after the file',
        'multipart/form-data; boundary=b1',
        multipart('b1', [
          { name: 'file', filename: 'a.gif', content: gifImage() },
          { name: 'note', content: Buffer.from('hi') },
        ]),
      ],
      [
        'a text part before the file',
        'multipart/form-data; boundary=b1',
        multipart('b1', [
          { name: 'note', content: Buffer.from('hi') },
          { name: 'file', filename: 'a.gif', content: gifImage() },
        ]),
      ],
      [
        'a second file',
        'multipart/form-data; boundary=b1',
        multipart('b1', [
          { name: 'file', filename: 'a.gif', content: gifImage() },
          { name: 'file', filename: 'b.gif', content: gifImage() },
        ]),
      ],
      [
        'a file part named image',
        'multipart/form-data; boundary=b1',
        multipart('b1', [{ name: 'image', filename: 'a.gif', content: gifImage() }]),
      ],
    ])('answers %s with 400', async (_label, contentType, body) => {
      const response = await send(contentType, body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        await testApp.connection
          .collection('product_images.files')
          .countDocuments({ 'metadata.productId': productId }),
      ).toBe(0);
    });

    it('still takes exactly one part named file', async () => {
      const body = multipart('b1', [{ name: 'file', filename: 'a.gif', content: gifImage() }]);
      await send('multipart/form-data; boundary=b1', body).expect(201);
    });
  });

  describe('refusals before routing', () => {
    it('answers a path parameter over the length limit with 414 in the shared shape', async () => {
      const response = await testApp.http.get(`/products/${'a'.repeat(200)}`).expect(414);
      expectFrameAnswer(response, 'URI_TOO_LONG');
    });

    it('answers oversized headers with 431 in the shared shape', async () => {
      const { port } = testApp.app.getHttpServer().address() as AddressInfo;
      const response = await new Promise<{
        status: number;
        headers: Record<string, unknown>;
        body: string;
      }>((resolve, reject) => {
        const call = httpRequest(
          { port, host: '127.0.0.1', path: '/products', headers: { 'x-big': 'a'.repeat(100_000) } },
          (reply) => {
            let body = '';
            reply.on('data', (chunk) => (body += chunk));
            reply.on('end', () =>
              resolve({ status: reply.statusCode!, headers: reply.headers, body }),
            );
          },
        );
        call.on('error', reject);
        call.end();
      });
      expect(response.status).toBe(431);
      expectFrameAnswer(
        { headers: response.headers, body: JSON.parse(response.body) },
        'REQUEST_HEADERS_TOO_LARGE',
      );
    });
  });

  describe('query strings', () => {
    it.each([
      'filter[__proto__][x]=1',
      '__proto__[x]=1',
      '__proto__=1',
      'constructor[prototype][x]=1',
      'filter[constructor][prototype]=1',
      'unknown=1',
    ])('refuses %s on a list with 400', async (query) => {
      const response = await testApp.http.get(`/products?${query}`).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('leaves Object.prototype alone', () => {
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });
});
