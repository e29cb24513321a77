import { stopwords as danish } from '@orama/stopwords/danish';
import { stopwords as dutch } from '@orama/stopwords/dutch';
import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as finnish } from '@orama/stopwords/finnish';
import { stopwords as french } from '@orama/stopwords/french';
import { stopwords as german } from '@orama/stopwords/german';
import { stopwords as hungarian } from '@orama/stopwords/hungarian';
import { stopwords as italian } from '@orama/stopwords/italian';
import { stopwords as norwegian } from '@orama/stopwords/norwegian';
import { stopwords as portuguese } from '@orama/stopwords/portuguese';
import { stopwords as romanian } from '@orama/stopwords/romanian';
import { stopwords as russian } from '@orama/stopwords/russian';
import { stopwords as spanish } from '@orama/stopwords/spanish';
import { stopwords as swedish } from '@orama/stopwords/swedish';
import { stopwords as turkish } from '@orama/stopwords/turkish';
import { newStemmer } from 'snowball-stemmers';

/**
 * The languages of MongoDB's text search (text index version 3): their Snowball stemmers
 * (`snowball-stemmers`, a port of the Snowball project's own algorithms, which MongoDB links as
 * libstemmer) and stop words (`@orama/stopwords`, Snowball's lists). Orama's English list departs
 * from Snowball's (it adds "us" and six modal verbs and lacks "a"); MongoDB uses Snowball's, so
 * those are put back. `none` neither stems nor drops stop words.
 */
export interface TextLanguage {
  /** The canonical name (`english`), as explain and index specs show it. */
  readonly name: string;
  isStopWord(lowercaseWord: string): boolean;
  stem(word: string): string;
}

/** Words Orama's English list adds to Snowball's. */
const ORAMA_ENGLISH_EXTRAS = new Set(['us', 'will', 'shall', 'can', 'may', 'might', 'must']);

const STOP_WORDS: Record<string, readonly string[]> = {
  danish,
  dutch,
  english: [...english.filter((word) => !ORAMA_ENGLISH_EXTRAS.has(word)), 'a'],
  finnish,
  french,
  german,
  hungarian,
  italian,
  norwegian,
  portuguese,
  romanian,
  russian,
  spanish,
  swedish,
  turkish,
};

/** Two-letter codes MongoDB accepts for its languages. */
const ALIASES: Record<string, string> = {
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  hu: 'hungarian',
  it: 'italian',
  nb: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  es: 'spanish',
  sv: 'swedish',
  tr: 'turkish',
};

/** Stems kept per language: words repeat, and a Snowball stem costs microseconds. */
const STEM_CACHE_LIMIT = 50_000;

const loaded = new Map<string, TextLanguage>();

/** The language a name or code denotes (any case), or undefined when MongoDB has none such. */
export function textLanguage(name: string): TextLanguage | undefined {
  const lower = name.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  if (canonical !== 'none' && !Object.hasOwn(STOP_WORDS, canonical)) return undefined;
  let language = loaded.get(canonical);
  if (!language) {
    language = canonical === 'none' ? NONE : stemmingLanguage(canonical);
    loaded.set(canonical, language);
  }
  return language;
}

const NONE: TextLanguage = {
  name: 'none',
  isStopWord: () => false,
  stem: (word) => word,
};

function stemmingLanguage(name: string): TextLanguage {
  const stopWords = new Set(STOP_WORDS[name]);
  const stemmer = newStemmer(name);
  const stems = new Map<string, string>();
  return {
    name,
    isStopWord: (word) => stopWords.has(word),
    stem(word) {
      let stem = stems.get(word);
      if (stem === undefined) {
        if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
        stem = stemmer.stem(word);
        stems.set(word, stem);
      }
      return stem;
    },
  };
}
