import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { testCardsMarkdown } from '@kassa/payment-gateway';

const DESCRIPTION = `
The stand-in for the external card processor that the Kassa shop calls. Deterministic: the
outcome of a charge follows from the card number.

**Test cards** (expiry \`MMYY\` not in the past, any 3-digit CVV):

${testCardsMarkdown()}

Any other 16-digit number that passes the Luhn check is approved.

**Idempotency.** \`POST\` routes require an \`Idempotency-Key\` header (1–255 printable ASCII
characters). The same key with the same request replays the first answer; with a different request
it answers 400 \`idempotency_key_reused\`; while the first request is still running, 409
\`idempotency_key_in_use\`. A key whose attempt ended in a 500 may be retried. Invalid requests
(400 \`invalid_request\`) are not kept. Keys are kept for 24 hours on MongoDB, for the life of
the process in memory.

**One paid charge per reference.** A charge for a reference that is already paid answers 409
\`duplicate_charge\` with the \`paymentId\` of the existing payment.

**Errors** answer \`{ "error": { "code", "message", "details"? } }\`; a decline (402) is an answer
with the reason as its code. Amounts are integer minor units. The card number and CVV are never
stored or logged: payments keep the last four digits and the holder.
`;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kassa payment gateway')
    .setVersion('1.0')
    .setDescription(DESCRIPTION.trim())
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Kassa payment gateway',
  });
}
