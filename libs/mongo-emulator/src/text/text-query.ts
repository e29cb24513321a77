import { MongoCommandError } from '../errors';
import { isPlainObject, type Doc, type Value } from '../query/values';
import { textLanguage, type TextLanguage } from './languages';
import type { TextIndexDefinition } from './text-index';
import { foldCase, stripDiacritics, tokenize } from './tokenizer';

/** A `$text` operand as given: `{$search, $language?, $caseSensitive?, $diacriticSensitive?}`. */
export interface TextOperand {
  search: string;
  language?: string;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

/** A parsed search: what the index is probed with and what a document must (not) contain. */
export interface TextQuery {
  language: TextLanguage;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
  /** Index terms to look up (lower case, no diacritics), sorted. */
  termsForBounds: string[];
  /** Terms as matched (in the query's case and diacritic sensitivity); one must be present. */
  terms: Set<string>;
  negatedTerms: Set<string>;
  phrases: string[];
  negatedPhrases: string[];
}

function badValue(message: string): MongoCommandError {
  return new MongoCommandError('BadValue', message);
}

function flag(operand: Doc, name: string): boolean {
  const value = operand[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badValue(`${name} requires a boolean value`);
  return value;
}

/** Checks a `$text` operand's shape as MongoDB's query parser does. */
export function parseTextOperand(operand: Value): TextOperand {
  if (!isPlainObject(operand)) throw badValue('$text expects an object');
  if (typeof operand.$search !== 'string') throw badValue('$search required and must be a string');
  const language = operand.$language;
  if (language !== undefined && typeof language !== 'string')
    throw badValue('$language requires a string value');
  const parsed: TextOperand = {
    search: operand.$search,
    language: language as string | undefined,
    caseSensitive: flag(operand, '$caseSensitive'),
    diacriticSensitive: flag(operand, '$diacriticSensitive'),
  };
  const known = ['$search', '$language', '$caseSensitive', '$diacriticSensitive'];
  const extra = Object.keys(operand).find((key) => !known.includes(key));
  if (extra !== undefined) throw badValue(`extra fields in $text: ${extra}`);
  return parsed;
}

type QueryToken = { kind: 'text' | '-' | '"'; text: string; offset: number; afterSpace: boolean };

const QUERY_SPACES = new Set(['\n', '\v', '\f', '\r', ' ']);

/** The search string cut into runs of text, `-` and `"`, each knowing if a space preceded it. */
function queryTokens(search: string): QueryToken[] {
  const kindOf = (char: string) =>
    QUERY_SPACES.has(char) ? 'space' : char === '-' || char === '"' ? char : 'text';
  const tokens: QueryToken[] = [];
  let position = 0;
  const skipSpaces = () => {
    const start = position;
    while (position < search.length && kindOf(search[position]) === 'space') position += 1;
    return position > start;
  };
  skipSpaces();
  let afterSpace = true;
  while (position < search.length) {
    const start = position++;
    const kind = kindOf(search[start]) as QueryToken['kind'];
    if (kind === 'text')
      while (position < search.length && kindOf(search[position]) === 'text') position += 1;
    tokens.push({ kind, text: search.slice(start, position), offset: start, afterSpace });
    afterSpace = skipSpaces();
  }
  return tokens;
}

/**
 * Parses a search as MongoDB does: words are alternatives (any one matches), `"a phrase"` must
 * appear as written (ignoring case and diacritics unless asked), `-word` and `-"a phrase"`
 * exclude. A `-` negates only what follows it without a space; the words of a phrase also
 * count as alternatives (and score), those of a negated one do not. Stop words are dropped and
 * words stemmed in the query's language (the index's default unless `$language` says).
 */
export function parseTextSearch(operand: TextOperand, index: TextIndexDefinition): TextQuery {
  const language =
    operand.language === undefined ? index.defaultLanguage : textLanguage(operand.language);
  if (!language)
    throw badValue(`unsupported language: "${operand.language}" for text index version 3`);
  const positive: string[] = [];
  const negative: string[] = [];
  const phrases: string[] = [];
  const negatedPhrases: string[] = [];
  let negating = false;
  let inPhrase = false;
  let phraseStart = 0;
  for (const token of queryTokens(operand.search)) {
    if (token.kind === 'text') {
      if (inPhrase && negating) continue;
      if (negating && token.afterSpace) negating = false;
      (negating ? negative : positive).push(token.text);
    } else if (token.kind === '-') {
      if (!inPhrase && token.afterSpace) negating = true;
    } else if (inPhrase) {
      const phrase = operand.search.slice(phraseStart + 1, token.offset);
      (negating ? negatedPhrases : phrases).push(phrase);
      inPhrase = false;
    } else {
      inPhrase = true;
      if (negating && token.afterSpace) negating = false;
      phraseStart = token.offset;
    }
  }
  const options = {
    dropStopWords: true,
    caseSensitive: operand.caseSensitive,
    diacriticSensitive: operand.diacriticSensitive,
  };
  const sentence = (words: string[]) => words.join(' ');
  return {
    language,
    caseSensitive: operand.caseSensitive,
    diacriticSensitive: operand.diacriticSensitive,
    termsForBounds: [
      ...new Set(tokenize(sentence(positive), language, { dropStopWords: true })),
    ].sort(),
    terms: new Set(tokenize(sentence(positive), language, options)),
    negatedTerms: new Set(tokenize(sentence(negative), language, options)),
    phrases,
    negatedPhrases,
  };
}

/**
 * Whether a document found through the index terms satisfies the whole search: a term in the
 * query's sensitivity (when the search is case- or diacritic-sensitive, which the lower-cased
 * index cannot tell), no negated term, every phrase and no negated phrase, each looked for in
 * one covered string at a time.
 */
export function matchesTextQuery(doc: Doc, query: TextQuery, index: TextIndexDefinition): boolean {
  const texts = index.texts(doc);
  const options = {
    dropStopWords: false,
    caseSensitive: query.caseSensitive,
    diacriticSensitive: query.diacriticSensitive,
  };
  const hasTerm = (terms: Set<string>) =>
    terms.size > 0 &&
    texts.some(({ text, language }) =>
      tokenize(text, language, options).some((term) => terms.has(term)),
    );
  if ((query.caseSensitive || query.diacriticSensitive) && !hasTerm(query.terms)) return false;
  if (hasTerm(query.negatedTerms)) return false;
  const fold = (text: string, language: TextLanguage) => {
    const cased = query.caseSensitive ? text : foldCase(text, language);
    return query.diacriticSensitive ? cased : stripDiacritics(cased);
  };
  const hasPhrase = (phrase: string) =>
    texts.some(({ text, language }) => fold(text, language).includes(fold(phrase, language)));
  return query.phrases.every(hasPhrase) && !query.negatedPhrases.some(hasPhrase);
}

/** Whether the search needs documents re-read beyond the index terms it was found by. */
export function needsDocumentCheck(query: TextQuery): boolean {
  return (
    query.caseSensitive ||
    query.diacriticSensitive ||
    query.negatedTerms.size > 0 ||
    query.phrases.length > 0 ||
    query.negatedPhrases.length > 0
  );
}
