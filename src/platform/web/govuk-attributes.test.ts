import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { govukAttributes } from './govuk-attributes.ts';
import { configureNunjucks } from './view-engine.ts';

// GOV.UK Frontend as it ships, with its own macros, beside Probity's view engine.
const govukDist = fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/', import.meta.url));
const govuk = new nunjucks.Environment(new nunjucks.FileSystemLoader(govukDist), { autoescape: true });
const probity = new nunjucks.Environment([], { autoescape: true });
configureNunjucks(probity);

// White space between attributes and tags means nothing to a browser; the macro leaves runs of it.
const markup = (html: string) =>
  html.replace(/\s+/g, ' ').replace(/\s+>/g, '>').replace(/>\s+</g, '><').trim();

const safe = (html: string) => new nunjucks.runtime.SafeString(html);

describe('govukAttributes gives what GOV.UK Frontend’s macro gives', () => {
  const viaMacro = (attributes: unknown) =>
    govuk.renderString(
      '{% from "govuk/macros/attributes.njk" import govukAttributes %}<p{{- govukAttributes(attributes) }}>',
      { attributes },
    );

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string, as it is', ' data-raw="<kept>"'],
    ['a safe string', safe(' data-safe="1"')],
    ['a safe string that is not text', safe(42 as unknown as string)],
    ['an empty mapping', {}],
    ['plain values, escaped', { class: 'a "b" <c>', 'data-amp': 'x & y', id: 'field' }],
    ['numbers, zero and empty text', { 'data-count': 0, 'data-n': 12, title: '' }],
    ['true and false, not optional', { 'aria-hidden': true, 'aria-expanded': false }],
    ['null and undefined, not optional', { 'data-null': null, 'data-undefined': undefined }],
    ['optional true: the name alone', { disabled: { value: true, optional: true } }],
    [
      'optional empties left out',
      {
        disabled: { value: false, optional: true },
        value: { value: undefined, optional: true },
        pattern: { value: null, optional: true },
      },
    ],
    [
      'optional text and empty text',
      { value: { value: 'x', optional: true }, alt: { value: '', optional: true } },
    ],
    ['optional zero', { tabindex: { value: 0, optional: true } }],
    ['a safe value, not escaped again', { 'data-html': safe('<b>&amp;</b>') }],
    ['a safe value, optional', { 'data-html': { value: safe('&lt;'), optional: true } }],
    ['a mapping without optional', { 'data-x': { value: 'y' } }],
    ['optional not exactly true', { 'data-x': { value: true, optional: 'yes' } }],
    ['a list as a value', { 'data-list': ['a', 'b'] }],
    ['a name to escape', { 'data-"odd"': 'v' }],
    ['a list', ['a', 'b']],
  ])('%s', (_case, attributes) => {
    expect(`<p${govukAttributes(attributes)}>`).toBe(markup(viaMacro(attributes)));
  });
});

describe('GOV.UK components render the same markup through Probity’s view engine', () => {
  const viaGovuk = (macro: string, folder: string, params: unknown) =>
    govuk.renderString(
      `{% from "govuk/components/${folder}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`,
      { params },
    );
  const viaProbity = (macro: string, params: unknown) =>
    probity.renderString(`{{ ${macro}(params) }}`, { params });

  it.each([
    [
      'govukInput',
      'input',
      {
        label: { text: 'Value', classes: 'govuk-label--m', attributes: { 'data-l': 1 } },
        hint: { text: 'In pounds' },
        errorMessage: { text: 'Enter a value' },
        id: 'value',
        name: 'value',
        value: '12 & "3"',
        prefix: { text: '£' },
        suffix: { text: 'per item', attributes: { 'data-s': 's' } },
        spellcheck: false,
        autocomplete: 'off',
        inputmode: 'numeric',
        disabled: true,
        attributes: { 'data-a': 'a' },
        formGroup: { classes: 'app-x', attributes: { 'data-g': 'g' } },
      },
    ],
    ['govukInput', 'input', { label: { text: 'Plain' }, name: 'plain' }],
    [
      'govukSelect',
      'select',
      {
        id: 'kind',
        name: 'kind',
        label: { text: 'Kind' },
        items: [
          { value: '', text: 'Any' },
          { value: 'a', text: 'A <one>', selected: true },
          { value: 'b', text: 'B', disabled: true, attributes: { 'data-b': 'b' } },
        ],
        attributes: { 'data-select': 'yes' },
      },
    ],
    [
      'govukRadios',
      'radios',
      {
        name: 'decision',
        fieldset: { legend: { text: 'Decision', isPageHeading: true } },
        hint: { text: 'Choose one' },
        errorMessage: { text: 'Choose a decision' },
        items: [
          { value: 'yes', text: 'Yes', checked: true, conditional: { html: '<p>More</p>' } },
          { divider: 'or' },
          { value: 'no', text: 'No', hint: { text: 'Say why' }, attributes: { 'data-no': 1 } },
        ],
      },
    ],
    [
      'govukCheckboxes',
      'checkboxes',
      {
        name: 'fields',
        items: [
          { value: 'a', text: 'A', checked: true },
          { value: 'none', text: 'None', behaviour: 'exclusive' },
        ],
      },
    ],
    ['govukButton', 'button', { text: 'Save', classes: 'govuk-button--secondary', preventDoubleClick: true }],
    ['govukButton', 'button', { text: 'Start', href: '/start', isStartButton: true }],
    [
      'govukServiceNavigation',
      'service-navigation',
      {
        serviceName: 'Probity',
        serviceUrl: '/',
        navigation: [
          { text: 'Home', href: '/', active: true },
          { text: 'Gifts', href: '/gifts', attributes: { 'data-n': 'g' } },
        ],
      },
    ],
    ['govukGenericHeader', 'generic-header', { logoText: 'Demo District Council', url: '/' }],
    [
      'govukTable',
      'table',
      {
        caption: 'Offers',
        firstCellIsHeader: true,
        head: [{ text: 'Offeror' }, { text: 'Value', format: 'numeric' }],
        rows: [
          [{ text: 'Acme' }, { text: '£10', format: 'numeric', attributes: { 'data-sort-value': 1000 } }],
        ],
      },
    ],
    [
      'govukSummaryList',
      'summary-list',
      {
        rows: [
          {
            key: { text: 'Name' },
            value: { text: 'A' },
            actions: { items: [{ href: '/n', text: 'Change', visuallyHiddenText: 'name' }] },
          },
        ],
      },
    ],
    ['govukTextarea', 'textarea', { name: 'summary', label: { text: 'Summary' }, value: 'x', rows: 3 }],
    ['govukCharacterCount', 'character-count', { name: 'what', label: { text: 'What' }, maxlength: 100 }],
    [
      'govukDateInput',
      'date-input',
      {
        id: 'when',
        fieldset: { legend: { text: 'When' } },
        items: [
          { name: 'day', classes: 'govuk-input--width-2', value: '1' },
          { name: 'month', classes: 'govuk-input--width-2' },
        ],
      },
    ],
    [
      'govukErrorSummary',
      'error-summary',
      { titleText: 'There is a problem', errorList: [{ text: 'Enter a value', href: '#value' }] },
    ],
    ['govukNotificationBanner', 'notification-banner', { type: 'success', text: 'Saved' }],
    ['govukDetails', 'details', { summaryText: 'Help', text: 'Text', open: true }],
    ['govukTag', 'tag', { text: 'Overdue', classes: 'govuk-tag--red' }],
    ['govukFileUpload', 'file-upload', { id: 'file', name: 'file', label: { text: 'File' } }],
    [
      'govukPasswordInput',
      'password-input',
      { id: 'password', name: 'password', label: { text: 'Password' } },
    ],
    ['govukWarningText', 'warning-text', { text: 'Must decline' }],
    ['govukPanel', 'panel', { titleText: 'Complaint received', text: 'CMP-2026-0001' }],
    ['govukSkipLink', 'skip-link', { href: '#main-content', text: 'Skip to main content' }],
  ])('%s (%s)', (macro, folder, params) => {
    expect(markup(viaProbity(macro, params))).toBe(markup(viaGovuk(macro, folder, params)));
  });
});
