import { ListSpec } from '@kassa/common';

/** Product images sort and filter on upload time and size (indexed behind the product id). */
export const PRODUCT_IMAGE_LIST_SPEC: ListSpec = {
  fields: {
    createdAt: { type: 'date', path: 'uploadDate' },
    size: { type: 'number', path: 'length' },
  },
  defaultSort: 'createdAt',
};
