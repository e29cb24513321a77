import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DomainErrorClass, ERROR_CATALOGUE, ErrorCode, ErrorDetail } from '@kassa/common';

const EXAMPLE_REQUEST_ID = 'b7e6c1d2-4f3a-4c9e-8a1b-2d3e4f5a6b7c';

const EXAMPLE_DETAILS: Partial<Record<ErrorCode, ErrorDetail[]>> = {
  VALIDATION_FAILED: [{ field: 'name', message: 'name must be a string' }],
  INSUFFICIENT_STOCK: [
    {
      field: 'quantity',
      message: 'Only 3 of the product can be had',
      reason: 'INSUFFICIENT_STOCK',
      available: 3,
    },
  ],
  PRODUCT_UNAVAILABLE: [
    {
      field: 'productId',
      message: 'The product is not for sale at the moment',
      reason: 'INACTIVE',
    },
  ],
  PROMO_CODE_NOT_APPLICABLE: [
    {
      field: 'code',
      message: 'the cart is below the minimum for this code',
      reason: 'MINIMUM_NOT_MET',
      missing: '12.50',
    },
  ],
};

function errorSchema(codes: ErrorCode[]) {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        properties: {
          code: { type: 'string', enum: codes },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                field: { type: 'string' },
                message: { type: 'string' },
                reason: { type: 'string' },
                available: { type: 'integer' },
                missing: { type: 'string' },
              },
            },
          },
          requestId: { type: 'string' },
        },
      },
    },
  };
}

function example(code: ErrorCode) {
  return {
    value: {
      error: {
        code,
        message: ERROR_CATALOGUE[code].message,
        ...(EXAMPLE_DETAILS[code] && { details: EXAMPLE_DETAILS[code] }),
        requestId: EXAMPLE_REQUEST_ID,
      },
    },
  };
}

/**
 * Documents a route's error responses in the shared error shape, grouped by status, from the
 * error classes it may throw: status and example message come from the error catalogue.
 */
export function ApiErrors(...errors: DomainErrorClass[]) {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const { code } of errors) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  return applyDecorators(
    ...[...byStatus].map(([status, codeSet]) => {
      const codes = [...codeSet];
      return ApiResponse({
        status,
        description: codes.join(' | '),
        content: {
          'application/json': {
            schema: errorSchema(codes),
            examples: Object.fromEntries(codes.map((code) => [code, example(code)])),
          },
        },
      });
    }),
  );
}
