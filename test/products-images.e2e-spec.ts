import { createHash, randomUUID } from 'node:crypto';
import { TestApp } from './support';
import { bearer, registerAndLogin, useTestApp } from './support/auth';
import { createProductWithRefs } from './factories/catalog.factory';
import { gifImage, pngImage } from './factories/image.factory';

const MAX_BYTES = 2 * 1024 * 1024;

describe('product images (e2e)', () => {
  const suite = useTestApp({ env: { PRODUCT_IMAGE_MAX_BYTES: String(MAX_BYTES) } });
  let testApp: TestApp;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    customer = bearer((await registerAndLogin(testApp.http, suite.smtp)).accessToken);
  });

  const newProduct = async (overrides = {}) =>
    (await createProductWithRefs(testApp.http, admin, overrides)).product;

  const upload = (
    productId: string,
    content: Buffer,
    filename = 'front.png',
    contentType = 'image/png',
  ) =>
    testApp.http
      .post(`/products/${productId}/images`)
      .set('Authorization', admin)
      .attach('file', content, { filename, contentType });

  const storedFiles = (productId: string) =>
    testApp.connection
      .collection('product_images.files')
      .countDocuments({ 'metadata.productId': productId });

  const storedChunks = (imageId: string) =>
    testApp.connection
      .collection('product_images.chunks')
      .countDocuments({ files_id: imageId as never });

  it('stores an image over 1 MiB in GridFS chunks and serves it back byte for byte', async () => {
    const product = await newProduct();
    const image = pngImage(700, 600);
    expect(image.length).toBeGreaterThan(1024 * 1024);
    const sha256 = createHash('sha256').update(image).digest('hex');

    const uploaded = await upload(
      product.id,
      image,
      'front.png',
      'application/octet-stream',
    ).expect(201);
    expect(uploaded.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      productId: product.id,
      contentType: 'image/png',
      size: image.length,
      filename: 'front.png',
      sha256,
      url: `/products/${product.id}/images/${uploaded.body.id}`,
      createdAt: expect.any(String),
    });
    expect(await storedChunks(uploaded.body.id)).toBeGreaterThan(1);

    const downloaded = await testApp.http.get(uploaded.body.url).buffer(true).expect(200);
    expect(downloaded.headers['content-type']).toBe('image/png');
    expect(downloaded.headers['content-length']).toBe(String(image.length));
    expect(downloaded.headers.etag).toBe(`"${sha256}"`);
    expect(downloaded.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Buffer.compare(downloaded.body as Buffer, image)).toBe(0);

    const cached = await testApp.http
      .get(uploaded.body.url)
      .set('If-None-Match', `"${sha256}"`)
      .expect(304);
    expect(cached.headers.etag).toBe(`"${sha256}"`);
    expect(cached.text ?? '').toBe('');
    await testApp.http.get(uploaded.body.url).set('If-None-Match', '"stale"').expect(200);

    const listed = await testApp.http.get(`/products/${product.id}/images`).expect(200);
    expect(listed.body).toEqual({
      items: [uploaded.body],
      page: 1,
      limit: 20,
      total: 1,
      totalPages: 1,
    });
    expect((await testApp.http.get(`/products/${product.id}`)).body.imageCount).toBe(1);
  });

  it('takes the type from the bytes, not from the claimed content type', async () => {
    const product = await newProduct();
    const uploaded = await upload(product.id, gifImage(), 'dot.png', 'image/png').expect(201);
    expect(uploaded.body.contentType).toBe('image/gif');
    const downloaded = await testApp.http.get(uploaded.body.url).buffer(true).expect(200);
    expect(downloaded.headers['content-type']).toBe('image/gif');
  });

  it('refuses a non-image (415), a non-multipart body (415), a missing file (400) and an oversized image (413)', async () => {
    const product = await newProduct();
    const text = await upload(
      product.id,
      Buffer.from('just some text, not an image'),
      'fake.png',
    ).expect(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const json = await testApp.http
      .post(`/products/${product.id}/images`)
      .set('Authorization', admin)
      .send({ file: 'iVBORw0KGgo=' })
      .expect(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const noFile = await testApp.http
      .post(`/products/${product.id}/images`)
      .set('Authorization', admin)
      .field('note', 'no file here')
      .expect(400);
    expect(noFile.body.error.code).toBe('VALIDATION_FAILED');

    const oversized = await upload(product.id, pngImage(1000, 800)).expect(413);
    expect(oversized.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      requestId: expect.any(String),
    });

    expect(await storedFiles(product.id)).toBe(0);
    expect((await testApp.http.get(`/products/${product.id}`)).body.imageCount).toBe(0);
  });

  it('deletes one image with its chunks', async () => {
    const product = await newProduct();
    const kept = (await upload(product.id, pngImage(10, 10)).expect(201)).body;
    const removed = (await upload(product.id, pngImage(400, 300)).expect(201)).body;

    await testApp.http.delete(removed.url).set('Authorization', admin).expect(204);
    await testApp.http.get(removed.url).expect(404);
    await testApp.http.delete(removed.url).set('Authorization', admin).expect(404);
    expect(await storedChunks(removed.id)).toBe(0);

    const listed = await testApp.http.get(`/products/${product.id}/images`).expect(200);
    expect(listed.body.items.map((image: { id: string }) => image.id)).toEqual([kept.id]);
    expect((await testApp.http.get(`/products/${product.id}`)).body.imageCount).toBe(1);
  });

  it('removes every image of a product when the product is archived', async () => {
    const product = await newProduct();
    const images = [
      (await upload(product.id, pngImage(400, 400)).expect(201)).body,
      (await upload(product.id, gifImage()).expect(201)).body,
    ];
    await testApp.http.delete(`/products/${product.id}`).set('Authorization', admin).expect(204);

    expect(await storedFiles(product.id)).toBe(0);
    for (const image of images) {
      expect(await storedChunks(image.id)).toBe(0);
      await testApp.http.get(image.url).set('Authorization', admin).expect(404);
    }
    const late = await upload(product.id, gifImage()).expect(409);
    expect(late.body.error.code).toBe('PRODUCT_ARCHIVED');
  });

  it('shows images of an inactive product to admins only, never to shared caches', async () => {
    const product = await newProduct({ active: false });
    const image = (await upload(product.id, gifImage()).expect(201)).body;
    await testApp.http.get(image.url).expect(404);
    await testApp.http.get(image.url).set('Authorization', customer).expect(404);
    await testApp.http.get(`/products/${product.id}/images`).expect(404);
    const asAdmin = await testApp.http
      .get(image.url)
      .set('Authorization', admin)
      .buffer(true)
      .expect(200);
    expect(asAdmin.headers['cache-control']).toBe('private, no-cache');
  });

  it('refuses uploads and deletes by guests (401) and customers (403)', async () => {
    const product = await newProduct();
    const image = (await upload(product.id, gifImage()).expect(201)).body;
    const path = `/products/${product.id}/images`;
    await testApp.http.post(path).attach('file', gifImage(), 'a.gif').expect(401);
    await testApp.http
      .post(path)
      .set('Authorization', customer)
      .attach('file', gifImage(), 'a.gif')
      .expect(403);
    await testApp.http.delete(image.url).expect(401);
    await testApp.http.delete(image.url).set('Authorization', customer).expect(403);
    expect(await storedFiles(product.id)).toBe(1);
  });

  it('answers 404 for unknown products and images, 400 for malformed ids', async () => {
    const product = await newProduct();
    await upload(randomUUID(), gifImage()).expect(404);
    await testApp.http.get(`/products/${product.id}/images/${randomUUID()}`).expect(404);
    await testApp.http.get(`/products/${randomUUID()}/images`).expect(404);
    const malformed = await testApp.http.get(`/products/${product.id}/images/nope`).expect(400);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ field: 'imageId' })]);
  });
});
