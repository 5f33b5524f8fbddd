// The request form's fields that other forms reuse (the extend form asks the same questions): a question, the
// justification, a field's error, and the draft they write. Functions of the widget (`h`) through FieldsHost.
import { html, nothing, type TemplateResult } from 'lit';
import { format } from '../i18n/index.ts';
import { localizedText, questionKind } from '../internal/questions.ts';
import type { MultipleChoiceQuestion, Question, Requirements } from '../internal/sdk.ts';
import type { ViewHost } from '../internal/view-host.ts';
import { questionField, type Draft, type FieldError } from './request-draft.ts';

export interface FieldsHost extends ViewHost {
  draft?: Draft;
  readonly fieldErrors: Record<string, FieldError>;
}

export function patchDraft(h: FieldsHost, patch: Partial<Draft>): void {
  if (h.draft) h.draft = { ...h.draft, ...patch };
}

export function setAnswer(h: FieldsHost, question: Question, values: string[]): void {
  if (!h.draft) return;
  patchDraft(h, { answers: { ...h.draft.answers, [question.id ?? '']: values } });
}

export function renderFieldError(h: FieldsHost, field: string): TemplateResult | typeof nothing {
  const error = h.fieldErrors[field];
  return error ? html`<span id="${field}-error" class="field-error">${format(h.t[error.key], error.params ?? {})}</span>` : nothing;
}

export function renderQuestion(h: FieldsHost, question: Question, draft: Draft): TemplateResult {
  const field = questionField(question);
  const text = localizedText(question.localizations, question.text, h.resolvedLocale);
  const values = draft.answers[question.id ?? ''] ?? [];
  const invalid = !!h.fieldErrors[field];
  const describedBy = invalid ? `${field}-error` : nothing;
  const mark = question.isRequired ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing;
  const kind = questionKind(question);
  if (kind === 'singleChoice' || kind === 'multipleChoice') {
    const choices = (question as MultipleChoiceQuestion).choices ?? [];
    const multiple = kind === 'multipleChoice';
    const toggle = (value: string, checked: boolean) =>
      setAnswer(h, question, multiple ? (checked ? [...values, value] : values.filter((v) => v !== value)) : [value]);
    // A single choice is a radiogroup, which can carry required and invalid; a checkbox group says both in words.
    return html`<fieldset
      id=${field}
      role=${multiple ? nothing : 'radiogroup'}
      aria-required=${!multiple && question.isRequired ? 'true' : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${describedBy}
    >
      <legend>
        ${text}${mark}${question.isRequired ? html`<span class="visually-hidden">${h.t.requiredSuffix}</span>` : nothing}
        ${multiple ? html`<span class="hint">${h.t.chooseAnyHint}</span>` : nothing}
      </legend>
      ${choices.map(
        (choice) => html`<label class="choice">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${field}
            value=${choice.actualValue ?? ''}
            .checked=${values.includes(choice.actualValue ?? '')}
            @change=${(e: Event) => toggle(choice.actualValue ?? '', (e.target as HTMLInputElement).checked)}
          />
          ${localizedText(choice.localizations, choice.text, h.resolvedLocale)}
        </label>`,
      )}
      ${renderFieldError(h, field)}
    </fieldset>`;
  }
  const onInput = (e: Event) => setAnswer(h, question, [(e.target as HTMLInputElement | HTMLTextAreaElement).value]);
  return html`<div class="field">
    <label for=${field}>${text}${mark}</label>
    ${kind === 'longText'
      ? html`<textarea id=${field} ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput}></textarea>`
      : html`<input id=${field} type="text" ?required=${!!question.isRequired} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${values[0] ?? ''} @input=${onInput} />`}
    ${renderFieldError(h, field)}
  </div>`;
}

export function renderJustification(h: FieldsHost, requirement: Requirements, draft: Draft): TemplateResult {
  const required = !!requirement.isRequestorJustificationRequired;
  const invalid = !!h.fieldErrors.justification;
  return html`<div class="field">
    <label for="justification">${h.t.justificationLabel}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
    <textarea
      id="justification"
      ?required=${required}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'justification-error justification-hint' : 'justification-hint'}
      .value=${draft.justification}
      @input=${(e: Event) => patchDraft(h, { justification: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
    <span id="justification-hint" class="hint">${h.t.justificationHint}</span>
    ${renderFieldError(h, 'justification')}
  </div>`;
}
