import { parse } from 'qs';
import { ValidationError } from '../errors';
import { ListSpec } from './list-query.types';
import { escapeRegExp, parseListQuery } from './parse-list-query';

const PRODUCT_SPEC: ListSpec = {
  fields: {
    price: { type: 'money', path: 'priceCents' },
    stock: { type: 'number' },
    model: { type: 'string' },
    active: { type: 'boolean' },
    brandId: { type: 'uuid' },
    status: { type: 'enum', values: ['draft', 'live'] },
    createdAt: { type: 'date' },
    description: { type: 'string', sort: false },
    rank: { type: 'number', filter: false },
  },
  search: ['model', 'description'],
  defaultSort: '-createdAt',
};

const BRAND_ID = '7d3c5a0e-4a41-4c1e-9a2f-0b7e1c2d3e4f';

/** Parses a query string the way the API does (`qs`) and then the list query. */
function parseQueryString(queryString: string, spec: ListSpec = PRODUCT_SPEC) {
  return parseListQuery(parse(queryString), spec);
}

function detailsOf(queryString: string): { field: string; message: string }[] {
  try {
    parseQueryString(queryString);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details ?? [];
  }
  throw new Error(`"${queryString}" was accepted`);
}

function rejectedFields(queryString: string): string[] {
  return detailsOf(queryString).map((detail) => detail.field);
}

describe(parseListQuery.name, () => {
  describe('paging', () => {
    it('defaults to page 1 of 20, sorted by the spec default with _id as tie-break', () => {
      expect(parseQueryString('')).toEqual({
        filter: {},
        sort: { createdAt: -1, _id: -1 },
        page: 1,
        limit: 20,
        skip: 0,
      });
    });

    it('computes skip from page and limit', () => {
      expect(parseQueryString('page=3&limit=25')).toMatchObject({ page: 3, limit: 25, skip: 50 });
    });

    it.each(['page=abc', 'page=0', 'page=-1', 'page=1.5', 'page=', 'page[gt]=1', 'page=1&page=2'])(
      'rejects %s',
      (queryString) => {
        expect(rejectedFields(queryString)).toEqual(['page']);
      },
    );

    it.each(['limit=101', 'limit=0', 'limit=ten', 'limit[]=5'])('rejects %s', (queryString) => {
      expect(rejectedFields(queryString)).toEqual(['limit']);
    });

    it('accepts the maximum limit of 100', () => {
      expect(parseQueryString('limit=100').limit).toBe(100);
    });
  });

  describe('sort', () => {
    it('maps fields to paths, keeps their order and appends _id', () => {
      expect(parseQueryString('sort=-price,model').sort).toEqual({
        priceCents: -1,
        model: 1,
        _id: 1,
      });
    });

    it('appends _id in the direction of the last key, so one index serves both directions', () => {
      expect(parseQueryString('sort=-price').sort).toEqual({ priceCents: -1, _id: -1 });
      expect(parseQueryString('sort=model,-price').sort).toEqual({
        model: 1,
        priceCents: -1,
        _id: -1,
      });
    });

    it('appends no _id after a path unique within the list', () => {
      const spec: ListSpec = {
        fields: { sequence: { type: 'number' }, createdAt: { type: 'date' } },
        defaultSort: '-sequence',
        uniquePaths: ['sequence'],
      };
      expect(parseQueryString('', spec).sort).toEqual({ sequence: -1 });
      expect(parseQueryString('sort=sequence', spec).sort).toEqual({ sequence: 1 });
      expect(parseQueryString('sort=sequence,createdAt', spec).sort).toEqual({
        sequence: 1,
        createdAt: 1,
        _id: 1,
      });
    });

    it.each([
      'sort=$natural',
      'sort=-$natural',
      'sort=unknown',
      'sort=description',
      'sort=price,',
      'sort=price,price',
      'sort[$natural]=1',
      'sort=a.b',
      'sort=constructor',
    ])('rejects %s', (queryString) => {
      expect(rejectedFields(queryString)).toContain('sort');
    });
  });

  describe('filter', () => {
    it('casts a plain value to an equality on the field path', () => {
      expect(parseQueryString(`filter[brandId]=${BRAND_ID}`).filter).toEqual({
        brandId: { $eq: BRAND_ID },
      });
    });

    it('combines operators on one field and casts money to cents', () => {
      expect(parseQueryString('filter[price][gte]=12.5&filter[price][lte]=20').filter).toEqual({
        priceCents: { $gte: 1250, $lte: 2000 },
      });
    });

    it('takes negative amounts only on a signed money field', () => {
      const spec: ListSpec = {
        fields: { amount: { type: 'money', path: 'amountCents', signed: true } },
      };
      expect(
        parseQueryString('filter[amount][lte]=-12.5&filter[amount][gt]=-0', spec).filter,
      ).toEqual({
        amountCents: { $lte: -1250, $gt: 0 },
      });
      expect(() => parseQueryString('filter[amount]=--1', spec)).toThrow(ValidationError);
      expect(detailsOf('filter[price][lte]=-12.5')).toEqual([
        { field: 'filter[price][lte]', message: expect.stringContaining('non-negative') },
      ]);
    });

    it('casts numbers, booleans, dates, enums and comma lists', () => {
      const { filter } = parseQueryString(
        'filter[stock][gt]=0&filter[active]=false&filter[createdAt][lt]=2024-05-01T00:00:00Z' +
          '&filter[status][in]=draft,live&filter[model][ne]=X1',
      );
      expect(filter).toEqual({
        stock: { $gt: 0 },
        active: { $eq: false },
        createdAt: { $lt: new Date('2024-05-01T00:00:00Z') },
        status: { $in: ['draft', 'live'] },
        model: { $ne: 'X1' },
      });
    });

    it('names the offending parameter in details', () => {
      expect(detailsOf('filter[price][gte]=cheap')).toEqual([
        { field: 'filter[price][gte]', message: expect.stringContaining('decimal') },
      ]);
    });

    it.each([
      ['filter[price][$where]=1', 'filter[price][$where]'],
      ['filter[price][$gt]=1', 'filter[price][$gt]'],
      ['filter[$or][0][price]=1', 'filter[$or]'],
      ['filter[$where]=sleep(1000)', 'filter[$where]'],
      ['filter[a][b][c]=1', 'filter[a]'],
      ['filter[price][gte][$ne]=1', 'filter[price][gte]'],
      ['filter[price][gte][]=1', 'filter[price][gte]'],
      ['filter[model][]=a', 'filter[model]'],
      ['filter[unknown]=1', 'filter[unknown]'],
      ['filter[rank]=1', 'filter[rank]'],
      ['filter[active][gt]=true', 'filter[active][gt]'],
      ['filter[active]=yes', 'filter[active]'],
      ['filter[brandId]=not-a-uuid', 'filter[brandId]'],
      ['filter[brandId][gt]=' + BRAND_ID, 'filter[brandId][gt]'],
      ['filter[status]=archived', 'filter[status]'],
      ['filter[stock]=1e9', 'filter[stock]'],
      ['filter[stock][in]=1,two', 'filter[stock][in]'],
      ['filter[createdAt]=yesterday', 'filter[createdAt]'],
      ['filter[createdAt]=2024-13-45', 'filter[createdAt]'],
      ['filter=price', 'filter'],
    ])('rejects %s', (queryString, field) => {
      expect(rejectedFields(queryString)).toEqual([field]);
    });

    it('never lets client text become a MongoDB operator', () => {
      const attempts = [
        'filter[price][$where]=1',
        'filter[$or][0][price]=1',
        'filter[model][$regex]=.*',
        'filter[model][eq][$gt]=',
        'sort=$natural',
      ];
      for (const attempt of attempts) {
        expect(() => parseQueryString(attempt)).toThrow(ValidationError);
      }
    });

    it('ignores prototype names as fields', () => {
      expect(() => parseListQuery({ filter: { constructor: '1' } }, PRODUCT_SPEC)).toThrow(
        ValidationError,
      );
      expect(() => parseListQuery({ sort: 'toString' }, PRODUCT_SPEC)).toThrow(ValidationError);
    });

    it('treats an array of values where a scalar is expected as invalid', () => {
      expect(rejectedFields('filter[model]=a&filter[model]=b')).toEqual(['filter[model]']);
    });

    it('collects every problem into one error', () => {
      expect(rejectedFields('page=0&limit=500&sort=nope&filter[nope]=1')).toEqual([
        'page',
        'limit',
        'sort',
        'filter[nope]',
      ]);
    });
  });

  describe('search', () => {
    it('matches the searched paths case-insensitively with the text escaped', () => {
      expect(parseQueryString('search=a.b*(c)').filter).toEqual({
        $or: [
          { model: { $regex: 'a\\.b\\*\\(c\\)', $options: 'i' } },
          { description: { $regex: 'a\\.b\\*\\(c\\)', $options: 'i' } },
        ],
      });
    });

    it('ignores blank search text', () => {
      expect(parseQueryString('search=%20%20').filter).toEqual({});
    });

    it.each(['search[$ne]=x', 'search=a&search=b', `search=${'x'.repeat(101)}`])(
      'rejects %s',
      (queryString) => {
        expect(rejectedFields(queryString)).toEqual(['search']);
      },
    );

    it('rejects search on a list without searchable paths', () => {
      expect(() => parseListQuery({ search: 'x' }, { fields: {} })).toThrow(ValidationError);
    });
  });

  describe('relevance', () => {
    const RANKED_SPEC: ListSpec = { ...PRODUCT_SPEC, relevance: true, defaultSort: 'model' };
    const ranked = (queryString: string) => parseListQuery(parse(queryString), RANKED_SPEC);
    const rankedDetails = (queryString: string) => {
      try {
        ranked(queryString);
      } catch (error) {
        return (error as ValidationError).details;
      }
      throw new Error(`"${queryString}" was accepted`);
    };

    it('turns search into a text search ranked by relevance, ties in the default order', () => {
      expect(ranked('search=%20red%20guitars%20&sort=relevance&filter[stock][gt]=0')).toMatchObject(
        {
          filter: { $text: { $search: 'red guitars' }, stock: { $gt: 0 } },
          sort: { relevance: { $meta: 'textScore' }, model: 1, _id: 1 },
        },
      );
      expect(Object.keys(ranked('search=x&sort=relevance').sort)).toEqual([
        'relevance',
        'model',
        '_id',
      ]);
    });

    it('keeps the substring search for every other order', () => {
      expect(ranked('search=red&sort=-price').filter).toHaveProperty('$or');
    });

    it('needs search text and stands alone', () => {
      expect(rankedDetails('sort=relevance')).toEqual([
        { field: 'sort', message: 'sort=relevance needs search (the words to rank by)' },
      ]);
      expect(rankedDetails('search=x&sort=relevance,-price')).toEqual([
        { field: 'sort', message: 'relevance cannot be combined with other fields' },
      ]);
    });

    it('is no sort field on a list that does not offer it', () => {
      expect(detailsOf('search=x&sort=relevance')).toEqual([
        { field: 'sort', message: 'relevance is not a sortable field' },
      ]);
    });
  });

  it('rejects parameters that are not list parameters', () => {
    expect(rejectedFields('$where=1&foo=bar')).toEqual(['$where', 'foo']);
  });
});

describe(escapeRegExp.name, () => {
  it('escapes every regular-expression metacharacter', () => {
    const text = '.*+?^${}()|[]\\';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
  });
});
