import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { operationIdOf, tagAliases } from './operation-ids';

export const API_VERSION = '1.0';

/** The OpenAPI document of every route the app serves, with the bearer scheme. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kassa API')
    .setVersion(API_VERSION)
    .setDescription(
      'Kassa, a commerce backend. Served today: accounts and authentication, the catalog ' +
        '(brands, categories, products, images, price history), the cart with product ' +
        'discounts and promo codes, orders, card payments of orders and wallet top-ups, ' +
        'payments between users, the ledger with balances and statements, returns and ' +
        'refunds, the support chat history (the live chat is the socket.io namespace /support, ' +
        'described in the README), store information, health probes and Prometheus metrics ' +
        '(under "operations"). Each operation names who may call it in x-roles (guest: no ' +
        'token) and, where its resource belongs to one customer, x-owned-by. ' +
        'Errors always answer `{ "error": { "code", "message", "details"?, "requestId" } }`; ' +
        'lists take `page`, `limit`, `sort` and `filter[field]` / `filter[field][op]`, and the ' +
        'named lists (brands, categories, products, users, discounts, promo codes) `search`. ' +
        'The original requirement route names are listed under "requirement aliases".',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return tagAliases(
    SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf }),
  );
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Kassa API',
  });
}
