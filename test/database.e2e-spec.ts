import { createConnection } from 'node:net';
import { Injectable, Module } from '@nestjs/common';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { parseListQuery } from '@kassa/common';
import { findPage, MONGO_TARGET, MongoTarget, TransactionRunner } from '@kassa/database';
import { createTestApp, TestApp } from './support';

@Schema({ collection: 'widgets', timestamps: true })
class Widget {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, unique: true })
  sku: string;

  @Prop({ required: true, index: true })
  priceCents: number;

  @Prop({ required: true })
  colour: string;
}

const WidgetSchema = SchemaFactory.createForClass(Widget);

@Injectable()
class WidgetStore {
  constructor(@InjectModel(Widget.name) readonly model: Model<Widget>) {}
}

@Module({
  imports: [MongooseModule.forFeature([{ name: Widget.name, schema: WidgetSchema }])],
  providers: [WidgetStore],
})
class WidgetModule {}

const WIDGET_LIST = {
  fields: {
    price: { type: 'money' as const, path: 'priceCents' },
    colour: { type: 'string' as const },
  },
  search: ['sku'],
};

function widget(index: number, colour = 'red'): Widget {
  return { _id: `w-${index}`, sku: `SKU-${index}`, priceCents: index * 100, colour };
}

describe('database (e2e)', () => {
  let testApp: TestApp;
  let widgets: Model<Widget>;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [WidgetModule] });
    widgets = testApp.app.get(WidgetStore).model;
    transactions = testApp.app.get(TransactionRunner);
  });

  afterAll(async () => {
    await testApp.close();
  });

  beforeEach(async () => {
    await widgets.deleteMany({});
  });

  describe('index synchronisation', () => {
    it('has built every declared index before the app serves, with autoIndex off', async () => {
      expect(testApp.connection.get('autoIndex')).toBe(false);
      const indexes = await widgets.collection.indexes();
      expect(indexes).toContainEqual(expect.objectContaining({ key: { sku: 1 }, unique: true }));
      expect(indexes).toContainEqual(expect.objectContaining({ key: { priceCents: 1 } }));
    });

    it('enforces the unique index', async () => {
      await widgets.create(widget(1));
      await expect(widgets.create({ ...widget(2), sku: 'SKU-1' })).rejects.toMatchObject({
        code: 11000,
      });
    });
  });

  describe(TransactionRunner.name, () => {
    it('commits every write of the work and returns its result', async () => {
      const result = await transactions.run(async () => {
        await widgets.create([widget(1)]);
        await widgets.create([widget(2)]);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await widgets.countDocuments()).toBe(2);
    });

    it('rolls every write back when the work throws', async () => {
      await expect(
        transactions.run(async () => {
          await widgets.create([widget(1)]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await widgets.countDocuments()).toBe(0);
    });

    it('rolls back when a later write violates a unique index', async () => {
      await widgets.create(widget(9));
      await expect(
        transactions.run(async () => {
          await widgets.create([widget(1)]);
          await widgets.create([{ ...widget(2), sku: 'SKU-9' }]);
        }),
      ).rejects.toMatchObject({ code: 11000 });
      expect(await widgets.countDocuments()).toBe(1);
    });
  });

  describe(findPage.name, () => {
    beforeEach(async () => {
      await widgets.insertMany(
        Array.from({ length: 25 }, (_, index) => widget(index + 1, index % 2 ? 'blue' : 'red')),
      );
    });

    it('returns one page of plain objects and the total', async () => {
      const query = parseListQuery({ page: '2', limit: '10', sort: '-price' }, WIDGET_LIST);
      const page = await findPage<Widget>(widgets, query);
      expect(page.total).toBe(25);
      expect(page.items.map((item) => item.priceCents)).toEqual(
        Array.from({ length: 10 }, (_, index) => (15 - index) * 100),
      );
      expect(page.items[0]).not.toBeInstanceOf(widgets);
    });

    it('applies the client filter and the base filter together', async () => {
      const query = parseListQuery({ filter: { price: { lte: '10.00' } } }, WIDGET_LIST);
      const page = await findPage<Widget>(widgets, query, { colour: 'blue' });
      expect(page.total).toBe(5);
      expect(page.items.every((item) => item.colour === 'blue' && item.priceCents <= 1000)).toBe(
        true,
      );
    });

    it('cannot be widened by a client filter on the same field as the base filter', async () => {
      const query = parseListQuery({ filter: { colour: 'red' } }, WIDGET_LIST);
      const page = await findPage<Widget>(widgets, query, { colour: 'blue' });
      expect(page.total).toBe(0);
    });

    it('searches case-insensitively, treating the text literally', async () => {
      const literal = await findPage<Widget>(
        widgets,
        parseListQuery({ search: 'sku-1' }, WIDGET_LIST),
      );
      expect(literal.total).toBe(11);
      const pattern = await findPage<Widget>(
        widgets,
        parseListQuery({ search: '.*' }, WIDGET_LIST),
      );
      expect(pattern.total).toBe(0);
    });
  });
});

describe('database shutdown and outage (e2e)', () => {
  it('answers /health with 503 in the error shape when the database is gone', async () => {
    const testApp = await createTestApp({ env: { MONGODB_URI: '' } });
    try {
      await testApp.connection.close();
      const response = await testApp.http.get('/health').expect(503);
      expect(response.body).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: expect.any(String),
          requestId: response.headers['x-request-id'],
        },
      });
    } finally {
      await testApp.close();
    }
  });

  it('stops the in-process emulator when the app closes', async () => {
    const testApp = await createTestApp({ env: { MONGODB_URI: '' } });
    const target = testApp.app.get<MongoTarget>(MONGO_TARGET);
    expect(target.embedded).toBe(true);
    const port = Number(new URL(target.uri).port);
    await testApp.close();
    await expect(
      new Promise((resolve, reject) => {
        const socket = createConnection({ host: '127.0.0.1', port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
