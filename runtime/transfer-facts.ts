/**
 * The fields of a request's transfer as a decision reads them, each read once.
 *
 * Requests come in a dozen shapes — which optional fields a transfer and its personal
 * information have — so in one place of code a load such as `t.sector` sees a dozen hidden
 * classes: it is megamorphic, a probe of V8's stub cache for every field read, absent fields
 * included (about 100 ns for a transfer's eleven fields). A `for…in` over the keys an object has
 * loads each value through the enum cache of its hidden class instead, in half the time.
 *
 * A request is JSON data: its fields are own, enumerable data properties, which is what `for…in`
 * enumerates. Keys the contract does not define are skipped, as a field access would skip them.
 */
import type { EvaluationRequest, RequestItem } from './request.js';

type Transfer = EvaluationRequest['transfer'];
type PersonalInfo = NonNullable<Transfer['personalInfo']>;

const NO_KINDS: readonly string[] = Object.freeze([]);
const NO_ITEMS: readonly RequestItem[] = Object.freeze([]);

/** One transfer's facts; one instance is reused from decision to decision (they never nest). */
export class TransferFacts {
  isExport = false;
  /** Notified or published as important data. */
  importantData = false;
  exportControl = false;
  sector: string | undefined = undefined;
  items: readonly RequestItem[] = NO_ITEMS;
  exemptions: readonly string[] | undefined = undefined;
  /** The personal information outside the items: persons, sensitive persons, their kinds. */
  persons = 0;
  sensitive = 0;
  kinds: readonly string[] = NO_KINDS;

  /** Reads transfer `t` (conforming to the request schema) into this object. */
  read(t: Transfer): void {
    this.isExport = false;
    this.importantData = false;
    this.exportControl = false;
    this.sector = undefined;
    this.items = NO_ITEMS;
    this.exemptions = undefined;
    this.persons = 0;
    this.sensitive = 0;
    this.kinds = NO_KINDS;
    for (const key in t) {
      const value = t[key as keyof Transfer];
      switch (key) {
        case 'isExport':
          this.isExport = !!value; // as `if (!t.isExport)` reads it
          break;
        case 'importantData':
          this.importantData = value === true;
          break;
        case 'exportControl':
          this.exportControl = value === true;
          break;
        case 'sector':
          this.sector = value as string | undefined;
          break;
        case 'items':
          this.items = (value as readonly RequestItem[] | undefined) ?? NO_ITEMS;
          break;
        case 'exemptions':
          this.exemptions = value as readonly string[] | undefined;
          break;
        case 'personalInfo':
          if (value !== undefined) this.readPersonalInfo(value as PersonalInfo);
          break;
      }
    }
  }

  private readPersonalInfo(pi: PersonalInfo): void {
    for (const key in pi) {
      const value = pi[key as keyof PersonalInfo];
      switch (key) {
        case 'persons':
          this.persons = (value as number | undefined) ?? 0;
          break;
        case 'sensitivePersons':
          this.sensitive = (value as number | undefined) ?? 0;
          break;
        case 'sensitiveKinds':
          this.kinds = (value as readonly string[] | undefined) ?? NO_KINDS;
          break;
      }
    }
  }
}
