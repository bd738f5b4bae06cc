import { formatDate } from '../../services/domain/calendar';
import { accept, reject } from '../../services/domain/enquiry/answerCheck';
import { parseDate } from '../../services/domain/enquiry/dates';
import type { Reader } from './form';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * How typed answers become values. Each reader says what it expected, with an example, when the
 * text does not fit; the field's schema then checks the value (lengths, formats) as well.
 */

const noneWords = /^(none|no|n\/a|na|not applicable|nothing|-|—)$/i;

/** Free text the person must give. */
export function text(example?: string): Reader<string> {
  return {
    read: (typed) => {
      const value = typed.trim();
      if (value === '') return reject(`Please type an answer${example ? `, for example "${example}"` : ''}.`);
      return accept(value);
    },
    show: (value) => value,
  };
}

/** Free text that may be left out: "none" gives an empty answer. */
export function optionalText(): Reader<string> {
  return {
    read: (typed) => accept(noneWords.test(typed.trim()) ? '' : typed.trim()),
    show: (value) => (value === '' ? 'none' : value),
  };
}

/** Optional text whose absence is no value at all (a field the schema marks optional). */
export function optionalValue(): Reader<string | undefined> {
  return {
    read: (typed) => accept(noneWords.test(typed.trim()) ? undefined : typed.trim()),
    show: (value) => value ?? 'none',
  };
}

export function yesNo(): Reader<boolean> {
  return {
    read: (typed) => {
      const key = typed.trim().toLowerCase().replace(/[.!]+$/, '');
      if (/^(yes|y|yeah|yep|true|it is|it does|we do|we will)$/.test(key)) return accept(true);
      if (/^(no|n|nope|false|it is not|it isn't|it does not|it doesn't|we don't|we do not|we won't)$/.test(key)) return accept(false);
      return reject('Please answer **yes** or **no**.');
    },
    show: (value) => (value ? 'yes' : 'no'),
    choices: ['yes', 'no'],
  };
}

export interface Option<T> {
  readonly value: T;
  readonly label: string;
  readonly synonyms?: readonly string[];
}

const normalise = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** One of a fixed list, by label, synonym or number. */
export function choice<T>(options: readonly Option<T>[]): Reader<T> {
  const labels = options.map((option) => option.label);
  return {
    read: (typed) => {
      const key = normalise(typed);
      const byNumber = /^\d+$/.test(key) ? options[Number(key) - 1] : undefined;
      const found =
        byNumber ??
        options.find((option) => [option.label, ...(option.synonyms ?? [])].some((name) => normalise(name) === key)) ??
        options.find((option) => key.length >= 3 && normalise(option.label).startsWith(key));
      if (found) return accept(found.value);
      return reject(`Please choose one of: ${labels.map((label) => `**${label}**`).join(', ')}.`);
    },
    show: (value) => options.find((option) => option.value === value)?.label ?? String(value),
    choices: labels,
  };
}

/** A calendar date, written the way people write them; stored as YYYY-MM-DD. */
export function date(example: string): Reader<string> {
  return {
    read: (typed) => {
      const value = parseDate(typed);
      if (!value) return reject(`I couldn't read "${typed.trim()}" as a date. Write it like "${example}" or as day/month/year.`);
      return accept(value);
    },
    show: (value) => formatDate(value),
  };
}

export function webAddress(): Reader<string> {
  return {
    read: (typed) => {
      const value = typed.trim();
      try {
        const url = new URL(value);
        if (url.protocol === 'https:' || url.protocol === 'http:') return accept(value);
      } catch {
        // Not a URL at all: the message below says what is needed.
      }
      return reject(`"${plainInMarkdown(value)}" is not a web address. Give the full address, starting https://, for example "https://www.example.ac.uk/privacy".`);
    },
    show: (value) => value,
  };
}

export function emailAddress(): Reader<string> {
  return {
    read: (typed) => {
      const value = typed.trim();
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return accept(value);
      return reject(`"${plainInMarkdown(value)}" is not an email address. Write it like "finance@example.ac.uk".`);
    },
    show: (value) => value,
  };
}
