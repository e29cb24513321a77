import type { Collection, Document } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { useEmulatorClient } from './emulator-client';

interface Article {
  _id: number;
  title: string;
  body: string;
  year?: number;
  language?: unknown;
}

const ARTICLES: Article[] = [
  { _id: 1, title: 'Coffee', body: 'Morning runs start with an espresso', year: 2020 },
  { _id: 2, title: 'Tea and cake', body: 'A café au lait beside a slice of cake', year: 2021 },
  { _id: 3, title: 'Running shoes', body: 'The runner ran past the coffee shop', year: 2022 },
  { _id: 4, title: 'Baking', body: 'Cakes need patience', year: 2023 },
];

/** A document of a collection without a model: a numeric `_id` and any fields. */
type NumberedDocument = Document & { _id: number };

const ids = (documents: Document[]) => documents.map((document) => document._id);

describe('text search', () => {
  const mongo = useEmulatorClient('text-search');
  let articles: Collection<Article>;

  const search = (text: string, options: Document = {}, filter: Document = {}) =>
    articles.find({ $text: { $search: text, ...options }, ...filter }).toArray();

  beforeAll(async () => {
    articles = mongo.db.collection<Article>('articles');
    await articles.createIndex({ title: 'text', body: 'text' }, { weights: { title: 5 } });
    await articles.insertMany(ARTICLES);
  });

  describe('text indexes', () => {
    it('lists a text index as MongoDB stores it', async () => {
      const indexes = await articles.listIndexes().toArray();
      expect(indexes[1]).toEqual({
        v: 2,
        key: { _fts: 'text', _ftsx: 1 },
        name: 'title_text_body_text',
        weights: { body: 1, title: 5 },
        default_language: 'english',
        language_override: 'language',
        textIndexVersion: 3,
      });
    });

    it('keeps a given name, language, override field and wildcard', async () => {
      const notes = mongo.db.collection('notes');
      await notes.createIndex(
        { '$**': 'text' },
        { name: 'everything', default_language: 'none', language_override: 'lang' },
      );
      const [, index] = await notes.listIndexes().toArray();
      expect(index).toMatchObject({
        name: 'everything',
        weights: { '$**': 1 },
        default_language: 'none',
        language_override: 'lang',
      });
    });

    it('accepts the same text index again and refuses a second one', async () => {
      await articles.createIndex({ title: 'text', body: 'text' }, { weights: { title: 5 } });
      await expect(articles.createIndex({ body: 'text' })).rejects.toMatchObject({
        code: 85,
        codeName: 'IndexOptionsConflict',
        message: expect.stringMatching(
          /^An equivalent index already exists with a different name and options\. Requested index: \{ v: 2, key: \{ _fts: "text", _ftsx: 1 \}, name: "body_text"/,
        ),
      });
      await expect(
        articles.createIndex({ body: 'text' }, { partialFilterExpression: { year: { $gt: 1 } } }),
      ).rejects.toMatchObject({
        code: 67,
        message:
          'only one text index per collection allowed, found existing text index "title_text_body_text"',
      });
    });

    it('refuses two text indexes created together', async () => {
      const pair = mongo.db.collection('text-pair');
      await expect(
        pair.createIndexes([{ key: { a: 'text' } }, { key: { b: 'text' } }]),
      ).rejects.toMatchObject({ code: 85 });
    });

    it('refuses invalid options as MongoDB does', async () => {
      const other = mongo.db.collection('invalid-text-options');
      await expect(other.createIndex({ a: 'text' }, { weights: { a: 0 } })).rejects.toMatchObject({
        code: 67,
        message: 'text index weight must be in the exclusive interval (0,100000) but found: 0',
      });
      await expect(
        other.createIndex({ a: 'text' }, { default_language: 'klingon' }),
      ).rejects.toMatchObject({ code: 67, message: 'default_language is not valid' });
      await expect(other.createIndex({ a: 1, b: 'text' })).rejects.toMatchObject({
        codeName: 'NotImplemented',
      });
    });

    it('lets Mongoose sync a schema text index without rebuilding it', async () => {
      const connection = await mongoose
        .createConnection(mongo.uri, { dbName: 'text-search-mongoose' })
        .asPromise();
      const schema = new Schema({ name: String, notes: String });
      schema.index({ name: 'text', notes: 'text' }, { weights: { name: 10 } });
      const Model = connection.model('Item', schema);
      await Model.syncIndexes();
      await Model.create({ name: 'Blue kettle', notes: 'boils water' });
      expect(await Model.syncIndexes()).toEqual([]);
      expect(await Model.find({ $text: { $search: 'kettles' } }).lean()).toHaveLength(1);
      await connection.close();
    });
  });

  describe('$text', () => {
    it('matches any of the words, stemmed', async () => {
      expect(ids(await search('espresso cakes'))).toEqual([1, 2, 4]);
      expect(ids(await search('running'))).toEqual([1, 3]);
    });

    it('ignores stop words', async () => {
      expect(await search('the with an')).toEqual([]);
      expect(ids(await search('the espresso'))).toEqual([1]);
    });

    it('requires quoted phrases as written, in any case', async () => {
      expect(ids(await search('"AU LAIT"'))).toEqual([2]);
      expect(ids(await search('cake "cake need"'))).toEqual([]);
      expect(ids(await search('cake "Cakes need"'))).toEqual([4]);
    });

    it('excludes negated words and phrases', async () => {
      expect(ids(await search('cake -café'))).toEqual([4]);
      expect(ids(await search('coffee -"coffee shop"'))).toEqual([1]);
      expect(ids(await search('coffee - shop'))).toEqual([1, 3]);
    });

    it('ignores diacritics unless asked to be diacritic- or case-sensitive', async () => {
      expect(ids(await search('cafe'))).toEqual([2]);
      expect(await search('cafe', { $diacriticSensitive: true })).toEqual([]);
      expect(ids(await search('Coffee', { $caseSensitive: true }))).toEqual([1]);
      expect(ids(await search('coffee', { $caseSensitive: true }))).toEqual([3]);
    });

    it('searches in the given language', async () => {
      expect(await search('running', { $language: 'none' })).toEqual([]);
      expect(ids(await search('run', { $language: 'none' }))).toEqual([1, 3]);
      await expect(search('x', { $language: 'klingon' })).rejects.toMatchObject({
        code: 2,
        message: 'unsupported language: "klingon" for text index version 3',
      });
    });

    it('combines with other conditions, in counts, deletes and updates too', async () => {
      expect(ids(await search('coffee', {}, { year: { $gte: 2021 } }))).toEqual([3]);
      expect(await articles.countDocuments({ $text: { $search: 'cake' } })).toBe(2);
      expect(await articles.distinct('year', { $text: { $search: 'cake' } })).toEqual([2021, 2023]);
      const scratch = mongo.db.collection<Article>('scratch');
      await scratch.createIndex({ title: 'text' });
      await scratch.insertMany(ARTICLES);
      await scratch.updateMany({ $text: { $search: 'coffee' } }, { $set: { year: 1 } });
      expect(await scratch.countDocuments({ year: 1 })).toBe(1);
      const taken = await scratch.findOneAndUpdate(
        { $text: { $search: 'cake' } },
        { $set: { year: 2 } },
        { returnDocument: 'after' },
      );
      expect(taken).toMatchObject({ _id: 2, year: 2 });
      await scratch.deleteMany({ $text: { $search: 'baking' } });
      expect(ids(await scratch.find().toArray())).toEqual([1, 2, 3]);
    });

    it('reads a language override per document and refuses unknown languages', async () => {
      const posts = mongo.db.collection<NumberedDocument>('posts');
      await posts.createIndex({ text: 'text' });
      await posts.insertMany([
        { _id: 1, text: 'running late', language: 'none' },
        { _id: 2, text: 'running late' },
      ]);
      expect(ids(await posts.find({ $text: { $search: 'run' } }).toArray())).toEqual([2]);
      await expect(
        posts.insertOne({ _id: 3, text: 'x', language: 'klingon' }),
      ).rejects.toMatchObject({ code: 17262, message: 'language override unsupported: klingon' });
    });

    it('answers what MongoDB answers to a misplaced $text', async () => {
      const text = { $text: { $search: 'coffee' } };
      await expect(mongo.db.collection('plain').find(text).toArray()).rejects.toMatchObject({
        code: 27,
        codeName: 'IndexNotFound',
      });
      await expect(articles.find({ $and: [text, text] }).toArray()).rejects.toMatchObject({
        code: 2,
        message: 'Too many text expressions',
      });
      await expect(articles.find({ $nor: [text] }).toArray()).rejects.toMatchObject({
        code: 2,
        message: 'text expression not allowed in nor',
      });
      await expect(articles.find({ $or: [text, { year: 1 }] }).toArray()).rejects.toMatchObject({
        codeName: 'NoQueryExecutionPlans',
      });
    });
  });

  describe('textScore', () => {
    const scores = async (text: string) =>
      (
        await articles
          .find({ $text: { $search: text } }, { projection: { score: { $meta: 'textScore' } } })
          .sort({ score: { $meta: 'textScore' } })
          .toArray()
      ).map((document: Document) => [document._id, document.score]);

    it('scores by MongoDB formula: weight, frequency, share of the words, whole-field bonus', async () => {
      const scored = mongo.db.collection<NumberedDocument>('scored');
      await scored.createIndex({ a: 'text' });
      await scored.insertMany([
        { _id: 1, a: 'tea' },
        { _id: 2, a: 'tea tea' },
        { _id: 3, a: 'tea and toast' },
      ]);
      const found = await scored
        .find({ $text: { $search: 'tea' } }, { projection: { _id: 1, s: { $meta: 'textScore' } } })
        .toArray();
      expect(found).toEqual([
        { _id: 1, s: 1.1 },
        { _id: 2, s: 1.5 },
        { _id: 3, s: 0.75 },
      ]);
    });

    it('ranks a title match above a body match when the title weighs more', async () => {
      expect(await scores('coffee')).toEqual([
        [1, 5],
        [3, 0.6],
      ]);
    });

    it('sorts by score with other keys after it', async () => {
      const sorted = await articles
        .find({ $text: { $search: 'cake coffee' } })
        .sort({ score: { $meta: 'textScore' }, _id: -1 })
        .project({ _id: 1 })
        .toArray();
      expect(ids(sorted)).toEqual([1, 2, 4, 3]);
    });

    it('refuses a textScore without $text', async () => {
      const unavailable = {
        code: 40218,
        message: 'query requires text score metadata, but it is not available',
      };
      await expect(
        articles.find({}, { projection: { s: { $meta: 'textScore' } } }).toArray(),
      ).rejects.toMatchObject(unavailable);
      await expect(
        articles
          .find({})
          .sort({ s: { $meta: 'textScore' } })
          .toArray(),
      ).rejects.toMatchObject(unavailable);
    });

    it('shows TEXT_MATCH over the text index in explain', async () => {
      const explained = await articles.find({ $text: { $search: 'coffee -shop' } }).explain();
      expect(explained.queryPlanner.winningPlan).toMatchObject({
        stage: 'TEXT_MATCH',
        indexName: 'title_text_body_text',
        parsedTextQuery: { terms: ['coffe'], negatedTerms: ['shop'] },
        inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', direction: 'backward' } },
      });
    });
  });
});
