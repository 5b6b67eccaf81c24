// Type-level comparison of what a zod schema parses with the type openapi-typescript generated from the official spec.
// `SpecMismatch<Z, G>` is `never` when they agree, otherwise a string naming the first offending field, so
// `AssertSpec<SpecMismatch<...>>` fails `tsc` with a message such as
//   Type '"replicationSpecs[].regionConfigs[].effectiveInstanceSize: not in the spec"' does not satisfy the constraint 'never'.
// Rules, for every field our schema declares:
// - the field exists in the spec type (for a oneOf union: in any alternative);
// - a leaf type is assignable to the spec's, or is the plain primitive of a spec enum (we may read an enum as a string,
//   but may not invent an enum value or change string to number);
// - a field we require is required by the spec too (else a valid response could fail our parse).

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** Declared keys, without index signatures (zod's looseObject adds `[k: string]: unknown`). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** Keys of any member of a union (a oneOf in the spec). */
type AnyKey<G> = G extends unknown ? KnownKeys<G> : never;
type PropOf<G, K extends PropertyKey> = G extends unknown ? (K extends keyof G ? G[K] : never) : never;
type OptionalKeys<T> = { [K in KnownKeys<T>]-?: object extends Pick<T, K> ? K : never }[KnownKeys<T>];
type RequiredKeys<T> = Exclude<KnownKeys<T>, OptionalKeys<T>>;
/** Keys optional in at least one member of G. */
type AnyOptionalKey<G> = G extends unknown ? OptionalKeys<G> : never;

type LeafOk<Z, G> = [Z] extends [G]
  ? true
  : string extends Z
    ? [G] extends [string]
      ? true
      : false
    : number extends Z
      ? [G] extends [number]
        ? true
        : false
      : boolean extends Z
        ? [G] extends [boolean]
          ? true
          : false
        : false;

type Field<P extends string, K> = `${P}${P extends '' ? '' : '.'}${K & string}`;

type ObjectMismatch<Z, G, P extends string> =
  | { [K in Exclude<KnownKeys<Z>, AnyKey<G>>]: `${Field<P, K>}: not in the spec` }[Exclude<KnownKeys<Z>, AnyKey<G>>]
  | {
      [K in RequiredKeys<Z> & AnyOptionalKey<G>]: `${Field<P, K>}: required here, optional in the spec`;
    }[RequiredKeys<Z> & AnyOptionalKey<G>]
  | { [K in KnownKeys<Z> & AnyKey<G>]: SpecMismatch<Z[K], PropOf<G, K>, Field<P, K>> }[KnownKeys<Z> & AnyKey<G>];

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * `never` when Z (a zod output type) only reads what G (a generated spec type) declares, with compatible types.
 * A G of `any` is reported, not waved through: openapi-typescript turns some cyclic schemas into `any`.
 */
export type SpecMismatch<Z, G, P extends string = ''> =
  IsAny<G> extends true
    ? `${P}: the generated spec type is any (a cyclic schema); compare with a patched type`
    : Mismatch<Z, G, P>;

type Mismatch<Z, G, P extends string> = [NonNullable<Z>] extends [readonly (infer ZI)[]]
  ? [NonNullable<G>] extends [readonly (infer GI)[]]
    ? SpecMismatch<ZI, GI, `${P}[]`>
    : `${P}: an array here, not in the spec`
  : [NonNullable<Z>] extends [Primitive]
    ? LeafOk<NonNullable<Z>, NonNullable<G>> extends true
      ? never
      : `${P}: type differs from the spec`
    : [NonNullable<G>] extends [Primitive]
      ? `${P}: an object here, not in the spec`
      : Show<ObjectMismatch<NonNullable<Z>, NonNullable<G>, P>>;

/** Re-creates each message as a literal, so tsc prints the field name rather than the alias it came from. */
type Show<T> = T extends string ? `${T}` : never;

/** Compile-time assertion: instantiate with a SpecMismatch; fails `tsc` unless it is `never`. */
export type AssertSpec<T extends never> = T;
