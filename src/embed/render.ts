import { type Attrs, addStyles, el } from './dom.js';
import { STYLES } from './styles.js';
import type { FieldProblem } from './submission.js';
import { linkParts, message, pick } from './texts.js';
import { CONSENT_FIELD, type EmbedConfig, type EmbedField, type Entries, type Lang } from './types.js';

/**
 * The DOM of one form, in a shadow root so the host page's CSS neither breaks nor reads it. Every text from the
 * configuration or the server goes in through `textContent` / `createTextNode` — never as HTML.
 */

/** Browser autofill hints by field name (data, not a switch: a new writable field is one line). */
const AUTOCOMPLETE: Record<string, string> = {
  'person.firstName': 'given-name',
  'person.lastName': 'family-name',
  'person.email': 'email',
  'person.phone': 'tel',
  'person.jobTitle': 'organization-title',
  'person.city': 'address-level2',
  'person.country': 'country-name',
  'organisation.name': 'organization',
};

export interface FormUi {
  /** The form's current values (the honeypot included), repeated keys for several choices. */
  values(): Entries;
  /** Marks the fields' problems (clearing earlier ones) and focuses the first; `summary` goes to the status line. */
  showProblems(problems: FieldProblem[], summary: string | null): void;
  status(text: string, tone?: 'error'): void;
  busy(on: boolean): void;
  thankYou(): void;
}

/** Appends a text with its http(s) addresses as links — DOM nodes only. */
function appendText(parent: HTMLElement, text: string): HTMLElement {
  for (const part of linkParts(text)) {
    if (part.href)
      parent.append(el('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer' }, part.text));
    else parent.append(document.createTextNode(part.text));
  }
  return parent;
}

let counter = 0;

/** Renders the form into `host`'s new shadow root; `onSubmit` runs when the visitor submits. */
export function renderForm(host: Element, config: EmbedConfig, lang: Lang, onSubmit: () => void): FormUi {
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, STYLES);
  const prefix = `pf${++counter}-`;
  const form = el('form', { 'data-piltuvas': 'form', novalidate: '', lang });
  const controls = new Map<string, Control[]>();
  const errors = new Map<string, HTMLElement>();

  form.append(honeypot(config.honeypot));
  config.fields.forEach((field, index) => {
    const id = `${prefix}${index}`;
    const block = fieldBlock(field, id, lang);
    controls.set(field.name, block.controls);
    errors.set(field.name, block.error);
    form.append(block.element);
  });
  if (config.consent) {
    const text = pick(config.consent.text, lang);
    const block = checkBlock(CONSENT_FIELD, config.consent.required, `${prefix}c`, text, null);
    controls.set(CONSENT_FIELD, block.controls);
    errors.set(CONSENT_FIELD, block.error);
    form.append(block.element);
  }
  // The status line sits just above the button, where the visitor's eyes are after clicking.
  const statusLine = el('p', { 'data-piltuvas': 'status', role: 'alert', 'aria-live': 'assertive' });
  const button = el('button', { type: 'submit' }, pick(config.submitLabel, lang));
  form.append(statusLine, button);
  const thanks = appendText(
    el('p', { 'data-piltuvas': 'thank-you', class: 't', tabindex: '-1' }),
    pick(config.thankYou, lang),
  );
  thanks.hidden = true;
  root.append(form, thanks);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!button.disabled) onSubmit();
  });

  const ui: FormUi = {
    values: () => [...new FormData(form)].map(([key, value]) => [key, String(value)]),
    showProblems(problems, summary) {
      for (const [name, list] of controls) {
        const problem = problems.find((candidate) => candidate.field === name);
        for (const control of list) control.setAttribute('aria-invalid', String(Boolean(problem)));
        errors.get(name)!.textContent = problem ? (problem.text ?? message(problem.code, lang)) : '';
      }
      ui.status(summary ?? '', 'error');
      const first = problems.map((problem) => controls.get(problem.field)?.[0]).find(Boolean);
      first?.focus();
    },
    status(text, tone) {
      statusLine.textContent = text;
      if (tone) statusLine.setAttribute('data-tone', tone);
      else statusLine.removeAttribute('data-tone');
    },
    busy(on) {
      button.disabled = on;
      form.setAttribute('aria-busy', String(on));
    },
    thankYou() {
      form.hidden = true;
      thanks.hidden = false;
      thanks.focus();
    },
  };
  return ui;
}

/** The trap for bots: a plain text input people never see, reach or hear. */
function honeypot(name: string): HTMLElement {
  const wrap = el('div', { class: 'p', 'aria-hidden': 'true' });
  // Set through the CSSOM as well, so it stays off-screen even if the stylesheet were blocked.
  Object.assign(wrap.style, {
    position: 'absolute',
    left: '-10000px',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
  });
  wrap.append(el('input', { type: 'text', name, tabindex: '-1', autocomplete: 'off', value: '' }));
  return wrap;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Block {
  element: HTMLElement;
  controls: Control[];
  error: HTMLElement;
}

/** The help and error lines under a field, and the `aria-describedby` that points at them. */
function notes(
  name: string,
  id: string,
  help: string | null,
): { nodes: HTMLElement[]; describedBy: string; error: HTMLElement } {
  const error = el('p', { id: `${id}-e`, 'data-piltuvas': 'error', 'data-field': name });
  const nodes = help ? [appendText(el('p', { id: `${id}-h`, class: 'h' }), help), error] : [error];
  return { nodes, describedBy: nodes.map((node) => node.id).join(' '), error };
}

function labelText(label: HTMLElement, text: string, required: boolean): HTMLElement {
  appendText(label, text);
  if (required) label.append(el('span', { class: 'q', 'aria-hidden': 'true' }, ' *'));
  return label;
}

function fieldBlock(field: EmbedField, id: string, lang: Lang): Block {
  const label = pick(field.label, lang);
  const help = field.help ? pick(field.help, lang) : null;
  if (field.type === 'checkbox') return checkBlock(field.name, field.required, id, label, help);
  if (field.type === 'multiselect') return choicesBlock(field, id, label, help, lang);
  const { nodes, describedBy, error } = notes(field.name, id, help);
  const attrs: Attrs = { id, name: field.name, 'aria-describedby': describedBy };
  const autocomplete = AUTOCOMPLETE[field.name];
  if (autocomplete) attrs.autocomplete = autocomplete;
  if (field.required) attrs.required = '';
  if (field.maxLength !== null && field.type !== 'select') attrs.maxlength = String(field.maxLength);
  let control: Control;
  if (field.type === 'select') {
    control = el('select', attrs);
    control.append(el('option', { value: '' }, message('choose', lang)));
    for (const option of field.options ?? [])
      control.append(el('option', { value: option.value }, pick(option.label, lang)));
  } else if (field.type === 'textarea') {
    control = el('textarea', { ...attrs, rows: '4' });
  } else {
    control = el('input', { ...attrs, type: field.type });
  }
  const element = el('div', { class: 'f' });
  element.append(labelText(el('label', { for: id }), label, field.required), control, ...nodes);
  return { element, controls: [control], error };
}

/** One checkbox, label after it: a checkbox field or the consent box; its value is `yes` when ticked. */
function checkBlock(name: string, required: boolean, id: string, label: string, help: string | null): Block {
  const { nodes, describedBy, error } = notes(name, id, help);
  const attrs: Attrs = { id, name, type: 'checkbox', value: 'yes', 'aria-describedby': describedBy };
  if (required) attrs.required = '';
  const input = el('input', attrs);
  const row = el('div', { class: 'c' });
  row.append(input, labelText(el('label', { for: id }), label, required));
  const element = el('div', { class: 'f' });
  element.append(row, ...nodes);
  return { element, controls: [input], error };
}

/** Several choices as a group of checkboxes sharing the field's name (repeated keys in the body). */
function choicesBlock(field: EmbedField, id: string, label: string, help: string | null, lang: Lang): Block {
  const { nodes, describedBy, error } = notes(field.name, id, help);
  const group = el('fieldset', { class: 'f', 'aria-describedby': describedBy });
  group.append(labelText(el('legend'), label, field.required));
  const inputs = (field.options ?? []).map((option, index) => {
    const optionId = `${id}-${index}`;
    const input = el('input', { id: optionId, name: field.name, type: 'checkbox', value: option.value });
    const row = el('div', { class: 'c' });
    row.append(input, el('label', { for: optionId }, pick(option.label, lang)));
    group.append(row);
    return input;
  });
  group.append(...nodes);
  return { element: group, controls: inputs, error };
}
