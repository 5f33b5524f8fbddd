// Step 4, Requestor information: questions (short text, long text, multiple choice with answer values), required,
// localizations per language of question texts and answer values, and a regular expression for text answers.
import { html, nothing, type TemplateResult } from 'lit';
import { newQuestion, type LocalizedDraft, type QuestionDraft, type QuestionKind } from './editor-draft.ts';
import { checkbox, select, textField } from './editor-fields.ts';
import type { EditorHost } from './editor-host.ts';

function renderLocalizations(host: EditorHost, list: LocalizedDraft[], at: string, of: string, change: (f: (l: LocalizedDraft[]) => void) => void): TemplateResult {
  const { e } = host;
  return html`<div class="localizations">
    ${list.map(
      (l, i) => html`<div class="localization">
        ${textField(host, {
          id: `${at}-loc-${i}-code`,
          label: host.msg2('languageCodeLabel', { m: i + 1, of }),
          hint: i === 0 ? e.languageCodeHint : undefined,
          value: l.languageCode,
          onInput: (v) => change((ls) => (ls[i].languageCode = v)),
        })}
        ${textField(host, { id: `${at}-loc-${i}-text`, label: host.msg2('localizedTextLabel', { m: i + 1, of }), value: l.text, onInput: (v) => change((ls) => (ls[i].text = v)) })}
        <button type="button" part="button remove-button" class="link" @click=${() => change((ls) => ls.splice(i, 1))}>${host.msg2('removeLocalization', { m: i + 1, of })}</button>
      </div>`,
    )}
    <button type="button" part="button add-button" @click=${() => change((ls) => ls.push({ languageCode: '', text: '' }))}>${host.msg2('addLocalization', { of })}</button>
  </div>`;
}

function renderQuestion(host: EditorHost, q: QuestionDraft, n: number): TemplateResult {
  const { e } = host;
  const at = `q-${n}`;
  const p = { n: n + 1 };
  const set = (change: (q: QuestionDraft) => void) => host.edit((d) => change(d.policy.questions[n]));
  const of = host.msg2('ofQuestion', p);
  return html`<fieldset class="question" part="question">
    <legend>${host.msg2('questionLegend', p)}</legend>
    ${textField(host, { id: `${at}-text`, label: host.msg2('questionTextLabel', p), value: q.text, required: true, onInput: (v) => set((x) => (x.text = v)) })}
    ${renderLocalizations(host, q.localizations, at, of, (f) => set((x) => f(x.localizations)))}
    ${select(host, {
      id: `${at}-kind`,
      label: host.msg2('answerFormatLabel', p),
      value: q.kind,
      options: [
        ['shortText', e.formatShort],
        ['longText', e.formatLong],
        ['multipleChoice', e.formatChoice],
      ],
      onChange: (v) => set((x) => (x.kind = v as QuestionKind)),
    })}
    ${q.kind === 'multipleChoice'
      ? html`<fieldset class="choices">
          <legend>${host.msg2('choicesLegend', p)}</legend>
          ${q.choices.map((c, i) => {
            const choiceOf = host.msg2('ofChoice', { m: i + 1, n: n + 1 });
            return html`<div class="choice-edit">
              ${textField(host, {
                id: `${at}-c-${i}-value`,
                label: host.msg2('choiceValueLabel', { m: i + 1, n: n + 1 }),
                value: c.value,
                onInput: (v) => set((x) => (x.choices[i].value = v)),
              })}
              ${renderLocalizations(host, c.localizations, `${at}-c-${i}`, choiceOf, (f) => set((x) => f(x.choices[i].localizations)))}
              <button type="button" part="button remove-button" class="link" @click=${() => set((x) => x.choices.splice(i, 1))}>
                ${host.msg2('removeChoice', { m: i + 1, n: n + 1 })}
              </button>
            </div>`;
          })}
          <button type="button" id=${`${at}-add-choice`} part="button add-button" @click=${() => set((x) => x.choices.push({ value: '', localizations: [] }))}>
            ${host.msg2('addChoice', p)}
          </button>
          ${host.problemFor(`${at}-add-choice`) ? html`<span class="field-error">${host.problemFor(`${at}-add-choice`)}</span>` : nothing}
          ${checkbox(host, {
            id: `${at}-multiple`,
            label: host.msg2('multipleSelectionLabel', p),
            checked: q.multipleSelection,
            onChange: (v) => set((x) => (x.multipleSelection = v)),
          })}
        </fieldset>`
      : textField(host, { id: `${at}-regex`, label: host.msg2('regexLabel', p), hint: e.regexHint, value: q.regex, onInput: (v) => set((x) => (x.regex = v)) })}
    ${checkbox(host, { id: `${at}-required`, label: host.msg2('requiredLabel', p), checked: q.required, onChange: (v) => set((x) => (x.required = v)) })}
    <button type="button" part="button remove-button" @click=${() => host.edit((d) => d.policy.questions.splice(n, 1))}>${host.msg2('removeQuestion', p)}</button>
  </fieldset>`;
}

export function renderQuestions(host: EditorHost): TemplateResult {
  const { e } = host;
  const { questions, who } = host.draft.policy;
  return html`
    <p class="hint">${who === 'none' ? e.questionsDirectOnly : e.questionsIntro}</p>
    ${questions.map((q, n) => renderQuestion(host, q, n))}
    <div class="actions">
      <button type="button" part="button add-button" @click=${() => host.edit((d) => d.policy.questions.push(newQuestion()))}>${e.addQuestion}</button>
    </div>
  `;
}
