import { Connection, Model, Schema } from 'mongoose';

export interface Product {
  _id: string;
  sku: string;
  name: string;
  stock: number;
  priceCents: number;
  tags: string[];
  createdAt?: Date;
  updatedAt?: Date;
}

export const ProductSchema = new Schema<Product>(
  {
    _id: { type: String, required: true },
    sku: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    stock: { type: Number, required: true, min: 0 },
    priceCents: { type: Number, required: true },
    tags: { type: [String], default: [] },
  },
  { timestamps: true },
);

export function productModel(connection: Connection): Model<Product> {
  return connection.model<Product>('Product', ProductSchema);
}

let sequence = 0;

export function aProduct(overrides: Partial<Product> = {}): Product {
  sequence += 1;
  const id = overrides._id ?? `p-${sequence}`;
  return {
    _id: id,
    sku: `SKU-${id}`,
    name: 'Mug',
    stock: 10,
    priceCents: 1299,
    tags: [],
    ...overrides,
  };
}
