import { protobuf } from 'google-gax';
import { describeJson, jsonPath } from './json-path.ts';
import { parseTimestamp, shiftTimestamp } from './timestamp.ts';
import { WorldError } from './world-error.ts';

/** A proto3 JSON object as a world file holds it. */
export type JsonObject = Record<string, unknown>;

export interface ProtoJsonOptions {
  /** Milliseconds added to every google.protobuf.Timestamp (the world's `now` shift). */
  shiftMs: number;
  /**
   * When given, an unknown enum value does not refuse the world: it is noted here and kept as an
   * unrecognized enum number, which is what a client sees when the API is newer than its protos.
   */
  unknownEnums?: { path: string; reason: string }[];
}

/** The number an unknown enum value is served as (no Google enum used here comes near it). */
export const UNRECOGNIZED_ENUM_NUMBER = 999;

/**
 * Checks a proto3 JSON value against a message type and returns a clean copy: known fields only
 * (camelCase), enum values as names, timestamps shifted. Throws a WorldError naming the first problem.
 * proto3-json-serializer silently drops unknown enum names and coerces wrong types, hence this walk.
 */
export function checkProtoJson(
  type: protobuf.Type,
  value: unknown,
  path: string,
  options: ProtoJsonOptions,
): JsonObject {
  return checkMessage(type, value, path, options) as JsonObject;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const UINT32 = { min: 0, max: 2 ** 32 - 1 };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const UINT64 = { min: 0n, max: 2n ** 64n - 1n };
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const MAX_DURATION_SECONDS = 315_576_000_000; // google/protobuf/duration.proto: about 10,000 years

const WRAPPERS: Record<string, string> = {
  '.google.protobuf.DoubleValue': 'double',
  '.google.protobuf.FloatValue': 'float',
  '.google.protobuf.Int64Value': 'int64',
  '.google.protobuf.UInt64Value': 'uint64',
  '.google.protobuf.Int32Value': 'int32',
  '.google.protobuf.UInt32Value': 'uint32',
  '.google.protobuf.BoolValue': 'bool',
  '.google.protobuf.StringValue': 'string',
  '.google.protobuf.BytesValue': 'bytes',
};

function fail(path: string, reason: string): never {
  throw new WorldError(path, reason);
}

function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// protobufjs computes fullName by walking the parents on every read; worlds with traffic read it
// once per message, so it is remembered.
const fullNames = new WeakMap<protobuf.ReflectionObject, string>();

function fullNameOf(reflection: protobuf.ReflectionObject): string {
  let name = fullNames.get(reflection);
  if (name === undefined) {
    name = reflection.fullName;
    fullNames.set(reflection, name);
  }
  return name;
}

function typeName(reflection: protobuf.ReflectionObject): string {
  return fullNameOf(reflection).replace(/^\./, '');
}

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, options: ProtoJsonOptions): unknown {
  const wellKnown = checkWellKnown(type, value, path, options);
  if (wellKnown.handled) return wellKnown.value;
  if (!isPlainObject(value))
    fail(path, `expected an object for ${typeName(type)}, got ${describeJson(value)}`);

  const out: JsonObject = {};
  const setFields: protobuf.Field[] = [];
  for (const [key, fieldValue] of Object.entries(value)) {
    // proto3 JSON parsers accept the lowerCamelCase JSON name and the original proto field name.
    const field = type.fields[key] ?? type.fields[camelCase(key)];
    if (!field) continue; // unknown fields are ignored (SPEC §4)
    const fieldPath = jsonPath(path, key);
    if (field.name in out) fail(fieldPath, `field ${field.name} is set twice`);
    // null means "default" in proto3 JSON, except for google.protobuf.Value, where it is a value.
    const resolvedName = field.resolvedType ? fullNameOf(field.resolvedType) : undefined;
    if (fieldValue === null && resolvedName !== '.google.protobuf.Value') continue;
    out[field.name] = checkField(field, fieldValue, fieldPath, options);
    setFields.push(field);
  }
  for (const oneof of type.oneofsArray) {
    const members = oneof.fieldsArray.filter((field) => setFields.includes(field));
    if (members.length > 1) {
      fail(path, `only one of ${members.map((f) => f.name).join(', ')} may be set (oneof ${oneof.name})`);
    }
  }
  return out;
}

function checkField(field: protobuf.Field, value: unknown, path: string, options: ProtoJsonOptions): unknown {
  if (field.map) {
    if (!isPlainObject(value)) fail(path, `expected an object (map), got ${describeJson(value)}`);
    const keyType = (field as unknown as protobuf.MapField).keyType;
    const out: JsonObject = {};
    for (const [key, entry] of Object.entries(value)) {
      const entryPath = jsonPath(path, key);
      checkMapKey(keyType, key, entryPath);
      out[key] = checkSingle(field, entry, entryPath, options);
    }
    return out;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) fail(path, `expected an array, got ${describeJson(value)}`);
    return value.map((item, index) => checkSingle(field, item, jsonPath(path, index), options));
  }
  return checkSingle(field, value, path, options);
}

function checkMapKey(keyType: string, key: string, path: string): void {
  if (keyType === 'string') return;
  if (keyType === 'bool') {
    if (key !== 'true' && key !== 'false') fail(path, `map key must be "true" or "false"`);
    return;
  }
  checkScalar(keyType, key, path);
}

function checkSingle(
  field: protobuf.FieldBase,
  value: unknown,
  path: string,
  options: ProtoJsonOptions,
): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    if (value === null && fullNameOf(resolved) !== '.google.protobuf.Value') {
      fail(path, `expected ${typeName(resolved)}, got null`);
    }
    return checkMessage(resolved, value, path, options);
  }
  if (resolved instanceof protobuf.Enum) return checkEnum(resolved, value, path, options);
  return checkScalar(field.type, value, path);
}

function checkEnum(
  enumType: protobuf.Enum,
  value: unknown,
  path: string,
  options: ProtoJsonOptions,
): unknown {
  if (value === null && fullNameOf(enumType) === '.google.protobuf.NullValue') return null;
  const unknown = (reason: string) => {
    if (!options.unknownEnums) return fail(path, reason);
    options.unknownEnums.push({ path, reason });
    return UNRECOGNIZED_ENUM_NUMBER;
  };
  if (typeof value === 'string') {
    if (!(value in enumType.values)) {
      return unknown(`unknown enum value ${JSON.stringify(value)} for ${typeName(enumType)}`);
    }
    return value;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    const name = enumType.valuesById[value];
    if (name === undefined) return unknown(`unknown enum number ${value} for ${typeName(enumType)}`);
    return name;
  }
  return fail(path, `expected an enum name of ${typeName(enumType)}, got ${describeJson(value)}`);
}

function checkScalar(scalarType: string, value: unknown, path: string): unknown {
  switch (scalarType) {
    case 'string':
      if (typeof value !== 'string') fail(path, `expected a string, got ${describeJson(value)}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${describeJson(value)}`);
      return value;
    case 'bytes':
      if (typeof value !== 'string' || !BASE64.test(value)) {
        fail(path, `expected a base64 string, got ${describeJson(value)}`);
      }
      return value;
    case 'double':
    case 'float':
      return checkFloat(value, path);
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return checkInt32(value, path, INT32, 'int32');
    case 'uint32':
    case 'fixed32':
      return checkInt32(value, path, UINT32, 'uint32');
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return checkInt64(value, path, INT64, 'int64');
    case 'uint64':
    case 'fixed64':
      return checkInt64(value, path, UINT64, 'uint64');
    default:
      return fail(path, `unsupported field type ${scalarType}`);
  }
}

function checkFloat(value: unknown, path: string): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && (/^(NaN|-?Infinity)$/.test(value) || Number.isFinite(Number(value)))) {
    if (value.trim() !== '') return value;
  }
  return fail(path, `expected a number, got ${describeJson(value)}`);
}

function checkInt32(
  value: unknown,
  path: string,
  range: { min: number; max: number },
  name: string,
): unknown {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    fail(path, `expected an integer (${name}), got ${describeJson(value)}`);
  }
  if (number < range.min || number > range.max) fail(path, `${value} is out of range for ${name}`);
  return value;
}

function checkInt64(
  value: unknown,
  path: string,
  range: { min: bigint; max: bigint },
  name: string,
): unknown {
  let number: bigint | undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) number = BigInt(value);
  else if (typeof value === 'number' && Number.isSafeInteger(value)) number = BigInt(value);
  if (number === undefined)
    fail(path, `expected an integer or a decimal string (${name}), got ${describeJson(value)}`);
  if (number < range.min || number > range.max) fail(path, `${String(value)} is out of range for ${name}`);
  return value;
}

type WellKnownResult = { handled: false } | { handled: true; value: unknown };

function checkWellKnown(
  type: protobuf.Type,
  value: unknown,
  path: string,
  options: ProtoJsonOptions,
): WellKnownResult {
  const name = fullNameOf(type);
  const wrapped = WRAPPERS[name];
  if (wrapped) return { handled: true, value: checkScalar(wrapped, value, path) };
  switch (name) {
    case '.google.protobuf.Timestamp':
      if (typeof value !== 'string' || !parseTimestamp(value)) {
        fail(
          path,
          `expected an RFC 3339 timestamp string like "2026-11-21T12:00:00Z", got ${describeJson(value)}`,
        );
      }
      return { handled: true, value: options.shiftMs === 0 ? value : shiftTimestamp(value, options.shiftMs) };
    case '.google.protobuf.Duration':
      if (typeof value !== 'string' || !DURATION.test(value)) {
        fail(path, `expected a Duration string like "300s", got ${describeJson(value)}`);
      }
      if (Math.abs(Number.parseFloat(value)) > MAX_DURATION_SECONDS)
        fail(path, `duration ${value} is out of range`);
      return { handled: true, value };
    case '.google.protobuf.FieldMask':
      if (typeof value !== 'string')
        fail(path, `expected a FieldMask string like "a.b,c", got ${describeJson(value)}`);
      return { handled: true, value };
    case '.google.protobuf.Struct':
      if (!isPlainObject(value)) fail(path, `expected an object (Struct), got ${describeJson(value)}`);
      return { handled: true, value };
    case '.google.protobuf.ListValue':
      if (!Array.isArray(value)) fail(path, `expected an array (ListValue), got ${describeJson(value)}`);
      return { handled: true, value };
    case '.google.protobuf.Value':
      return { handled: true, value };
    case '.google.protobuf.Any':
      // The packed message's type may be outside the loaded protos; only its envelope is checked.
      if (!isPlainObject(value) || typeof value['@type'] !== 'string') {
        fail(path, `expected an object with a "@type" string (Any), got ${describeJson(value)}`);
      }
      return { handled: true, value };
    default:
      return { handled: false };
  }
}
