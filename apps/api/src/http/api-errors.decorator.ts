import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** One documented failure of a route: status, error code and an example message. */
export interface ApiErrorExample {
  status: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

function errorSchema(examples: ApiErrorExample[]) {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        properties: {
          code: { type: 'string', enum: [...new Set(examples.map((e) => e.code))] },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
          },
          requestId: { type: 'string' },
        },
      },
    },
  };
}

/** Documents a route's error responses in the shared error shape, grouped by status. */
export function ApiErrors(...errors: ApiErrorExample[]) {
  const byStatus = new Map<number, ApiErrorExample[]>();
  for (const error of errors)
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error]);
  return applyDecorators(
    ...[...byStatus].map(([status, examples]) =>
      ApiResponse({
        status,
        description: examples.map((e) => e.code).join(' | '),
        content: {
          'application/json': {
            schema: errorSchema(examples),
            examples: Object.fromEntries(
              examples.map(({ code, message, details }) => [
                code,
                {
                  value: {
                    error: {
                      code,
                      message,
                      details,
                      requestId: 'b7e6c1d2-4f3a-4c9e-8a1b-2d3e4f5a6b7c',
                    },
                  },
                },
              ]),
            ),
          },
        },
      }),
    ),
  );
}

export const VALIDATION_FAILED: ApiErrorExample = {
  status: 400,
  code: 'VALIDATION_FAILED',
  message: 'Request validation failed',
  details: [{ field: 'email', message: 'email must be a valid email address' }],
};
export const UNAUTHENTICATED: ApiErrorExample = {
  status: 401,
  code: 'UNAUTHENTICATED',
  message: 'Authentication required',
};
export const FORBIDDEN: ApiErrorExample = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Not allowed',
};
export const NOT_FOUND: ApiErrorExample = {
  status: 404,
  code: 'NOT_FOUND',
  message: 'User 6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11 not found',
};
export const ALREADY_EXISTS: ApiErrorExample = {
  status: 409,
  code: 'ALREADY_EXISTS',
  message: 'User with this username already exists',
};
export const RATE_LIMITED: ApiErrorExample = {
  status: 429,
  code: 'RATE_LIMITED',
  message: 'Too many requests',
};
