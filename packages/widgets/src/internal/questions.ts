// The questions a policy asks a requestor (Graph's accessPackageQuestion and its two derived types), as the request
// form and the detail views read them.
import type { LocalizedText, MultipleChoiceQuestion, Question, TextInputQuestion } from './sdk.ts';

/** The text for `locale` from `localizations` (exact tag first, then language), else the default `text`. */
export function localizedText(
  localizations: readonly LocalizedText[] | null | undefined,
  fallback: string | null | undefined,
  locale: string,
): string {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const list = localizations ?? [];
  const exact = list.find((l) => l.languageCode?.toLowerCase() === wanted && l.text);
  const sameLanguage = list.find((l) => l.languageCode?.toLowerCase().split('-')[0] === language && l.text);
  return exact?.text ?? sameLanguage?.text ?? fallback ?? '';
}

export type QuestionKind = 'shortText' | 'longText' | 'singleChoice' | 'multipleChoice';

export function isChoiceQuestion(question: Question): question is MultipleChoiceQuestion {
  return question['@odata.type']?.endsWith('accessPackageMultipleChoiceQuestion') === true || 'choices' in question;
}

export function questionKind(question: Question): QuestionKind {
  if (isChoiceQuestion(question)) return question.isMultipleSelectionAllowed ? 'multipleChoice' : 'singleChoice';
  return (question as TextInputQuestion).isSingleLineQuestion === false ? 'longText' : 'shortText';
}

export function regexOf(question: Question): RegExp | undefined {
  const source = (question as TextInputQuestion).regexPattern;
  if (!source) return undefined;
  try {
    // As Graph applies it: a pattern that should cover the whole answer says so with ^ and $.
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

export function sortedQuestions(questions: readonly Question[] | null | undefined): Question[] {
  return [...(questions ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
}
