import type { TextLanguage } from './languages';

/**
 * Word delimiters of MongoDB's text search: code points with the Unicode properties White_Space,
 * Dash, Hyphen, Quotation_Mark, Terminal_Punctuation, Pattern_Syntax or Sentence_Terminal
 * (Hyphen has no regular-expression name: its members outside Dash are listed). In English the
 * apostrophe joins words ("don't" is one word, and a stop word).
 */
const DELIMITER_CLASS =
  '\\p{White_Space}\\p{Dash}\\p{Quotation_Mark}\\p{Terminal_Punctuation}\\p{Pattern_Syntax}' +
  '\\p{Sentence_Terminal}\\u00AD\\u1806\\u30FB\\uFF65';
const DELIMITERS = new RegExp(`[${DELIMITER_CLASS}]+`, 'v');
const ENGLISH_DELIMITERS = new RegExp(`[[${DELIMITER_CLASS}]--[']]+`, 'v');

const MAY_HOLD_DIACRITICS = /[^\x20-\x7e\t\n\r]/;
const MARKS = /\p{Diacritic}/gu;

export interface TokenOptions {
  /** Drop the language's stop words (as indexing and query terms do; phrases do not). */
  dropStopWords: boolean;
  /** Keep the word's case (it is stemmed as written). */
  caseSensitive?: boolean;
  /** Keep accents and other diacritics. */
  diacriticSensitive?: boolean;
}

/** Case folding: Turkish folds the dotted and dotless i its own way. */
export function foldCase(text: string, language: TextLanguage): string {
  return language.name === 'turkish' ? text.toLocaleLowerCase('tr') : text.toLowerCase();
}

/** Removes diacritics: `é` → `e`, `ñ` → `n` (letters without a decomposition stay). */
export function stripDiacritics(text: string): string {
  if (!MAY_HOLD_DIACRITICS.test(text)) return text;
  return text.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/**
 * The terms of a text as MongoDB's text index version 3 makes them: split at delimiters, stop
 * words (compared in lower case) dropped, each word lower-cased unless case-sensitive, stemmed,
 * then stripped of diacritics unless diacritic-sensitive.
 */
export function tokenize(text: string, language: TextLanguage, options: TokenOptions): string[] {
  const delimiters = language.name === 'english' ? ENGLISH_DELIMITERS : DELIMITERS;
  const terms: string[] = [];
  for (const word of text.split(delimiters)) {
    if (word === '') continue;
    const lower = foldCase(word, language);
    if (options.dropStopWords && language.isStopWord(lower)) continue;
    const stemmed = language.stem(options.caseSensitive ? word : lower);
    terms.push(options.diacriticSensitive ? stemmed : stripDiacritics(stemmed));
  }
  return terms;
}
