/**
 * The entries of a FHIR R4 Bundle, read for the import (lib/fhir/bundle.ts): each resource the import
 * reads validated (lib/fhir/schemas.ts) and given an external key, and references resolved inside the
 * bundle or to keys the importer resolves against what it wrote before.
 *
 * External keys `(system, resourceType, id)`:
 * - an entry with `fullUrl: urn:uuid:X` (or `urn:oid:X`) → `('urn:uuid', type, X)`;
 *   an absolute fullUrl `https://host/fhir/Patient/X` → `('https://host/fhir', 'Patient', X)`;
 *   no fullUrl → `('urn:fhir:id', type, resource.id)`;
 * - a Practitioner is also keyed by each of its identifiers, `(identifier.system, 'Practitioner', value)`,
 *   the US NPI (`http://hl7.org/fhir/sid/us-npi`) first: the same doctor in many bundles is one user.
 * References become keys too: an in-bundle reference → the target's entry key; a conditional
 * reference `Practitioner?identifier=sys|val` → `(sys, 'Practitioner', val)`; a `urn:uuid` outside
 * the bundle → `('urn:uuid', expected type, id)`; the importer resolves them against what it wrote.
 */
import {
  RESOURCE_SCHEMAS, bundleSchema, type ReadResourceType, type Reference,
} from './schemas';
import type { BundleProblem, ExternalKey } from './import-plan';

/** A bundle entry the import reads: its position, type, id, `Type/id` for messages, key and parsed resource. */
export interface Entry {
  index: number;
  fullUrl?: string;
  type: string;
  id?: string;
  ref: string;
  key: ExternalKey;
  resource: unknown;
}

/** The external key of a bundle entry (see the module comment). */
export function entryKey(fullUrl: string | undefined, resourceType: string, id: string | undefined): ExternalKey | null {
  if (fullUrl) {
    const urn = /^(urn:(?:uuid|oid)):(.+)$/i.exec(fullUrl);
    if (urn) return { system: urn[1].toLowerCase(), resourceType, id: urn[2] };
    const abs = /^(https?:\/\/.+)\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(fullUrl);
    if (abs && abs[2] === resourceType) return { system: abs[1], resourceType, id: abs[3] };
  }
  if (id) return { system: 'urn:fhir:id', resourceType, id };
  return null;
}

/** A validated bundle's entries (the envelope checked by `bundleSchema`). */
type BundleEntries = ReturnType<typeof bundleSchema.parse>['entry'];

/** What `readEntries` found: the usable entries, how to reach them, and what is wrong or ignored. */
export interface ReadEntries {
  /** Problems that make the bundle unusable (a resource failing validation, a duplicate fullUrl…). */
  problems: BundleProblem[];
  /** Entries of resource types the app does not store. */
  ignored: number;
  /** The entries of `type` with their parsed resources, in bundle order. */
  of<T>(type: ReadResourceType): Array<{ e: Entry; r: T }>;
  /** The parsed resource of an entry. */
  resourceOf(e: Entry): unknown;
  /** The entry a reference points to inside the bundle, if any. */
  target(ref: Reference | undefined): Entry | undefined;
  /** The key a reference stands for (in the bundle or imported before), or null. */
  refKey(ref: Reference | undefined, expected: string): ExternalKey | null;
}

/**
 * Validates and keys the entries of a bundle (resources of types the app does not read are counted
 * in `ignored`), and gives the lookups that resolve references between them.
 */
export function readEntries(bundleEntries: BundleEntries): ReadEntries {
  // 1. Index and validate.
  const problems: BundleProblem[] = [];
  const entries: Entry[] = [];
  const byFullUrl = new Map<string, Entry>();
  const byTypeId = new Map<string, Entry>();
  const parsed = new Map<Entry, unknown>();
  let ignored = 0;
  bundleEntries.forEach((e, index) => {
    const r = e.resource;
    const type = r.resourceType;
    const id = typeof r.id === 'string' ? r.id : undefined;
    const ref = `${type}/${id ?? e.fullUrl ?? `#${index}`}`;
    if (!(type in RESOURCE_SCHEMAS)) {
      ignored++;
      return;
    }
    const res = RESOURCE_SCHEMAS[type as ReadResourceType].safeParse(r);
    if (!res.success) {
      for (const i of res.error.issues.slice(0, 3)) problems.push({ resource: ref, message: `${i.path.join('.') || type}: ${i.message}` });
      return;
    }
    const key = entryKey(e.fullUrl, type, id);
    if (!key) return void problems.push({ resource: ref, message: 'entry has neither a fullUrl nor an id' });
    if (key.id.length > 128 || key.system.length > 200) return void problems.push({ resource: ref, message: 'identifier too long' });
    const entry: Entry = { index, fullUrl: e.fullUrl, type, id, ref, key, resource: res.data };
    if (e.fullUrl) {
      if (byFullUrl.has(e.fullUrl)) return void problems.push({ resource: ref, message: `duplicate fullUrl ${e.fullUrl}` });
      byFullUrl.set(e.fullUrl, entry);
    }
    if (id) byTypeId.set(`${type}/${id}`, entry);
    entries.push(entry);
    parsed.set(entry, res.data);
  });
  const of = <T>(type: ReadResourceType) => entries.filter((e) => e.type === type).map((e) => ({ e, r: parsed.get(e) as T }));

  // 2. References.
  /** The entry a reference points to inside the bundle, if any. */
  const target = (ref: Reference | undefined): Entry | undefined => {
    const r = ref?.reference;
    if (!r) return undefined;
    const hit = byFullUrl.get(r) ?? byTypeId.get(r);
    if (hit) return hit;
    const m = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(r);
    return m ? byTypeId.get(`${m[1]}/${m[2]}`) : undefined;
  };
  /** The key a reference stands for (in the bundle or imported before), or null. */
  const refKey = (ref: Reference | undefined, expected: string): ExternalKey | null => {
    const hit = target(ref);
    if (hit) return hit.type === expected ? hit.key : null;
    const r = ref?.reference;
    if (!r) {
      const ident = ref?.identifier;
      return ident?.system && ident.value ? { system: ident.system, resourceType: expected, id: ident.value } : null;
    }
    const cond = /^([A-Za-z]+)\?(.*)$/.exec(r);
    if (cond) {
      if (cond[1] !== expected) return null;
      const ident = new URLSearchParams(cond[2]).get('identifier');
      const bar = ident?.indexOf('|') ?? -1;
      if (!ident || bar <= 0 || bar === ident.length - 1) return null;
      return { system: ident.slice(0, bar), resourceType: expected, id: ident.slice(bar + 1) };
    }
    const urn = /^(urn:(?:uuid|oid)):(.+)$/i.exec(r);
    if (urn) return { system: urn[1].toLowerCase(), resourceType: expected, id: urn[2] };
    const rel = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(r);
    if (rel) return rel[1] === expected ? { system: 'urn:fhir:id', resourceType: expected, id: rel[2] } : null;
    const abs = /^(https?:\/\/.+)\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(r);
    if (abs) return abs[2] === expected ? { system: abs[1], resourceType: expected, id: abs[3] } : null;
    return null;
  };

  return { problems, ignored, of, resourceOf: (e) => parsed.get(e), target, refKey };
}
