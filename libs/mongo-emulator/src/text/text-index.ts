import { MongoCommandError } from '../errors';
import { isPlainObject, ownField, type Doc, type Value } from '../query/values';
import type { IndexSpec } from '../storage/index';
import type { DocumentKeys } from '../storage/index-keys';
import { textLanguage, type TextLanguage } from './languages';
import { WILDCARD } from './text-index-spec';
import { tokenize } from './tokenizer';

/** One string the index reads from a document, with the language and weight it is read with. */
export interface IndexedText {
  text: string;
  language: TextLanguage;
  weight: number;
}

const DEFAULT_WEIGHT = 1;

/**
 * A text index's reading of documents, as MongoDB's text index version 3 does it: which strings
 * it covers (the weighted paths, through embedded documents and arrays, or every string for
 * `$**`), in which language (the index's default, or the document's or embedded document's
 * `language_override` field), and each term's score, from which the index keys and a query's
 * `textScore` come.
 */
export class TextIndexDefinition {
  /** Weighted paths in byte order of the path (the wildcard kept apart). */
  private readonly weights: Array<[path: string, weight: number]>;
  private readonly wildcard: boolean;
  readonly defaultLanguage: TextLanguage;
  readonly languageOverride: string;

  constructor(spec: IndexSpec) {
    const weights = Object.entries(spec.weights as Doc) as Array<[string, number]>;
    this.wildcard = weights.some(([path]) => path === WILDCARD);
    this.weights = weights.filter(([path]) => path !== WILDCARD);
    this.defaultLanguage = textLanguage(String(spec.default_language))!;
    this.languageOverride = String(spec.language_override);
  }

  /** The strings the index covers in a document, in document order. */
  texts(doc: Doc): IndexedText[] {
    const found: IndexedText[] = [];
    this.collect(doc, this.languageOf(doc, this.defaultLanguage), '', false, found);
    return found;
  }

  /**
   * Each term's score in the document: per string, `weight × frequency × coefficient`, where
   * the n-th repeat of a term adds 1/2^(n-1) to its frequency, the coefficient grows from 0.5
   * with the term's share of the string's words, and a string that is just the term gets 10%
   * more; a term's scores from several strings add up.
   */
  termScores(doc: Doc): Map<string, number> {
    const scores = new Map<string, number>();
    for (const { text, language, weight } of this.texts(doc))
      scoreText(text, language, weight, scores);
    return scores;
  }

  /** The index keys of a document: one `[term, score]` per distinct term. */
  keysOf(doc: Doc): DocumentKeys {
    return {
      tuples: [...this.termScores(doc)].map(([term, score]) => [term, score]),
      multikey: [false, false],
    };
  }

  private languageOf(object: Doc, inherited: TextLanguage): TextLanguage {
    const given = ownField(object, this.languageOverride);
    if (given === undefined) return inherited;
    if (typeof given !== 'string')
      throw new MongoCommandError(
        'LanguageOverrideNotString',
        'found language override field in document with non-string type',
      );
    const language = textLanguage(given);
    if (!language)
      throw new MongoCommandError(
        'LanguageOverrideUnsupported',
        `language override unsupported: ${given}`,
      );
    return language;
  }

  private collect(
    container: Doc | Value[],
    language: TextLanguage,
    parentPath: string,
    inArray: boolean,
    found: IndexedText[],
  ): void {
    for (const [field, value] of Object.entries(container)) {
      if (this.wildcard && field === this.languageOverride) continue;
      const path = parentPath === '' ? field : inArray ? parentPath : `${parentPath}.${field}`;
      const nearest = this.lowerBound(isPlainObject(value) ? `${path}.` : path);
      if (!this.wildcard && (!nearest || !isPathOrPrefix(path, nearest[0]))) continue;
      const exact = nearest?.[0] === path;
      const weight = nearest ? nearest[1] : DEFAULT_WEIGHT;
      if (typeof value === 'string') {
        if (exact || this.wildcard) found.push({ text: value, language, weight });
      } else if (isPlainObject(value)) {
        if (!exact || this.wildcard)
          this.collect(value, this.languageOf(value, language), path, false, found);
      } else if (Array.isArray(value)) {
        if (!inArray || this.wildcard) this.collect(value, language, path, true, found);
      }
    }
  }

  /**
   * The first weighted path not before `path`. As in MongoDB, a wildcard index gives a string
   * that path's weight even when it only follows the string's path in order.
   */
  private lowerBound(path: string): [string, number] | undefined {
    return this.weights.find(([weighted]) => weighted >= path);
  }
}

function isPathOrPrefix(path: string, weighted: string): boolean {
  return weighted === path || weighted.startsWith(`${path}.`);
}

function scoreText(
  text: string,
  language: TextLanguage,
  weight: number,
  scores: Map<string, number>,
): void {
  const terms = tokenize(text, language, { dropStopWords: true });
  const counts = new Map<string, { count: number; frequency: number }>();
  for (const term of terms) {
    const seen = counts.get(term);
    if (seen) {
      seen.count += 1;
      seen.frequency += 1 / 2 ** (seen.count - 1);
    } else counts.set(term, { count: 1, frequency: 1 });
  }
  const wholeText = text.toLowerCase();
  for (const [term, { count, frequency }] of counts) {
    const coefficient = (0.5 * count) / terms.length + 0.5;
    const adjustment = wholeText === term.toLowerCase() ? 1.1 : 1;
    scores.set(term, (scores.get(term) ?? 0) + weight * frequency * coefficient * adjustment);
  }
}
