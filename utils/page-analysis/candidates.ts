import type { FieldKey } from './vocabulary';

/** How a value was found, strongest first. */
export type Strategy = 'label-cell' | 'label-below' | 'label-for' | 'label-sibling' | 'inline-text' | 'red-header' | 'heading' | 'placeholder' | 'name-hint';

export const STRATEGY_STRENGTH: Record<Strategy, number> = {
  'label-cell': 5,
  'label-below': 5,
  'label-for': 5,
  'label-sibling': 4,
  'inline-text': 3,
  'red-header': 3,
  heading: 2,
  placeholder: 2,
  'name-hint': 1,
};

export interface Candidate {
  field: FieldKey;
  /** The page's text for the value, before normalisation. */
  raw: string;
  strategy: Strategy;
  /** The label as the page wrote it (or the cue that found it). */
  label: string;
  /** Where the value is (described for evidence only when the candidate wins: describing costs a walk of siblings). */
  at: Element;
  /** Whether the value sits in a control the clerk can edit (a form being filled in). */
  editable: boolean;
}
