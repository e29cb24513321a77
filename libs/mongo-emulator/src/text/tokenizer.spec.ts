import { textLanguage } from './languages';
import { stripDiacritics, tokenize } from './tokenizer';

const english = textLanguage('english')!;

describe('tokenize', () => {
  it('splits at punctuation and spaces, drops stop words and stems with Snowball English', () => {
    expect(
      tokenize('The runners were running; they ran.', english, { dropStopWords: true }),
    ).toEqual(['runner', 'run', 'ran']);
  });

  it('keeps English contractions whole, so they are stop words', () => {
    expect(tokenize("don't stop-believing", english, { dropStopWords: true })).toEqual([
      'stop',
      'believ',
    ]);
  });

  it('stems with Porter2 (Snowball), not the original Porter algorithm', () => {
    expect(tokenize('generously dying skies news', english, { dropStopWords: true })).toEqual([
      'generous',
      'die',
      'sky',
      'news',
    ]);
  });

  it('removes diacritics after stemming unless asked not to', () => {
    expect(tokenize('Café', english, { dropStopWords: true })).toEqual(['cafe']);
    expect(tokenize('Café', english, { dropStopWords: true, diacriticSensitive: true })).toEqual([
      'café',
    ]);
  });

  it('stems the word as written when case-sensitive', () => {
    expect(tokenize('Coffee', english, { dropStopWords: true, caseSensitive: true })).toEqual([
      'Coffe',
    ]);
  });

  it('neither stems nor drops stop words in language none', () => {
    expect(tokenize('The running', textLanguage('none')!, { dropStopWords: true })).toEqual([
      'the',
      'running',
    ]);
  });
});

describe('textLanguage', () => {
  it('knows MongoDB languages by name or two-letter code, in any case', () => {
    expect(textLanguage('FR')?.name).toBe('french');
    expect(textLanguage('Spanish')?.name).toBe('spanish');
    expect(textLanguage('klingon')).toBeUndefined();
  });

  it('uses Snowball English stop words: "a" is one, modal verbs are not', () => {
    expect(english.isStopWord('a')).toBe(true);
    expect(english.isStopWord('the')).toBe(true);
    expect(english.isStopWord('can')).toBe(false);
    expect(english.isStopWord('will')).toBe(false);
  });
});

describe('stripDiacritics', () => {
  it('takes accents off letters and leaves plain text as it is', () => {
    expect(stripDiacritics('crème brûlée')).toBe('creme brulee');
    expect(stripDiacritics('plain')).toBe('plain');
  });
});
