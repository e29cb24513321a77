import {
  ApiErrorExample,
  FORBIDDEN,
  UNAUTHENTICATED,
  VALIDATION_FAILED,
} from '../../http/api-errors.decorator';

/** Error examples of the catalog routes, in the shared error shape. */
export const CATALOG_ERRORS = {
  invalidId: {
    ...VALIDATION_FAILED,
    message: 'id must be a UUID',
    details: [{ field: 'id', message: 'id must be a UUID' }],
  },
  invalidBody: {
    ...VALIDATION_FAILED,
    message: 'Request validation failed',
    details: [
      {
        field: 'price',
        message:
          'price must be a non-negative decimal string with at most two decimals, e.g. "12.50"',
      },
    ],
  },
  invalidList: {
    ...VALIDATION_FAILED,
    message: 'Invalid list query',
    details: [{ field: 'filter[price][$where]', message: 'unknown filter operator $where' }],
  },
  fileMissing: {
    ...VALIDATION_FAILED,
    message: 'file is required',
    details: [{ field: 'file', message: 'file is required' }],
  },
  payloadTooLarge: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The image must be at most 5242880 bytes',
  },
  unsupportedMediaType: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The file is not a PNG, JPEG, WebP or GIF image',
  },
  productArchived: {
    status: 409,
    code: 'PRODUCT_ARCHIVED',
    message: 'Product 87b045fc-2ca9-5a2f-996e-dc602da71fb8 is archived and can no longer change',
  },
  unauthenticated: UNAUTHENTICATED,
  forbidden: FORBIDDEN,
  notFound: (resource: string): ApiErrorExample => ({
    status: 404,
    code: 'NOT_FOUND',
    message: `${resource} 224bd58a-9111-5fd2-ab81-6a64da303aa3 not found`,
  }),
  alreadyExists: (resource: string): ApiErrorExample => ({
    status: 409,
    code: 'ALREADY_EXISTS',
    message: `${resource} with this name already exists`,
  }),
  inUse: (resource: string): ApiErrorExample => ({
    status: 409,
    code: 'IN_USE',
    message: `${resource} 224bd58a-9111-5fd2-ab81-6a64da303aa3 is still in use`,
  }),
} satisfies Record<string, ApiErrorExample | ((resource: string) => ApiErrorExample)>;
