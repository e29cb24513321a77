import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_VERSION = '1.0';

/** The OpenAPI document of every route the app serves, with the bearer scheme. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kassa API')
    .setVersion(API_VERSION)
    .setDescription(
      'Commerce backend: catalog, cart, discounts, checkout, payments, returns and support chat. ' +
        'Errors always answer `{ "error": { "code", "message", "details"?, "requestId" } }`; ' +
        'lists take `page`, `limit`, `sort`, `filter[field][op]` and `search`.',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Kassa API',
  });
}
