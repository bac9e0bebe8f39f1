// Native form fields without Vue's v-model directives: those live in the runtime chunk every
// screen loads, so using them here would grow the member home's first load. Bind :value and
// read the event with these instead.
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export const value = (event: Event): string => (event.target as Field).value;
export const checked = (event: Event): boolean => (event.target as HTMLInputElement).checked;
/** A number field's value; '' while the field is empty. */
export const num = (event: Event): number | '' => {
  const text = (event.target as HTMLInputElement).value;
  return text === '' ? '' : Number(text);
};
export const submit = (action: () => unknown) => (event: Event) => {
  event.preventDefault();
  void action();
};
/** A number field's value as a number (0 while empty, which the form's checks catch). */
export const int = (event: Event): number => Number((event.target as HTMLInputElement).value) || 0;
/** Adds or removes an item of a checkbox group's list, in place. */
export function toggle<T>(list: T[], item: T, on: boolean): void {
  const at = list.indexOf(item);
  if (on && at < 0) list.push(item);
  if (!on && at >= 0) list.splice(at, 1);
}
/** A select's value as one of its options' type (the options come from that list). */
export const pick = <T extends string>(event: Event): T => (event.target as HTMLSelectElement).value as T;
