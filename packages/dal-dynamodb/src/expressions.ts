/**
 * Collects attribute-name and value placeholders for one request, so that every attribute
 * name goes through `#n…` (reserved words such as `name`, `status`, `timestamp` and `data`
 * then just work) and every value through `:v…`.
 */
export interface ExpressionBuilder {
  /** The placeholder for an attribute name (the same name gives the same placeholder). */
  name(attribute: string): string;
  /** The placeholder for a dotted path of map keys, e.g. `preferences.locale` → `#n0.#n1`. */
  path(...attributes: string[]): string;
  /** A new placeholder for a value. */
  value(value: unknown): string;
  /** `ExpressionAttributeNames` and `ExpressionAttributeValues`, each omitted when empty. */
  attributes(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  };
}

/** A fresh {@link ExpressionBuilder}. Placeholders are numbered in order of use, so output is deterministic. */
export function createExpressionBuilder(): ExpressionBuilder {
  const names = new Map<string, string>();
  const values: Record<string, unknown> = {};
  let valueCount = 0;
  const name = (attribute: string) => {
    let placeholder = names.get(attribute);
    if (!placeholder) {
      placeholder = `#n${names.size}`;
      names.set(attribute, placeholder);
    }
    return placeholder;
  };
  return {
    name,
    path: (...attributes) => attributes.map(name).join('.'),
    value(value) {
      const placeholder = `:v${valueCount++}`;
      values[placeholder] = value;
      return placeholder;
    },
    attributes() {
      return {
        ...(names.size > 0
          ? { ExpressionAttributeNames: Object.fromEntries([...names].map(([attribute, placeholder]) => [placeholder, attribute])) }
          : {}),
        ...(valueCount > 0 ? { ExpressionAttributeValues: values } : {}),
      };
    },
  };
}

/** The condition that a stored `version` equals `expected`; an item without one counts as version 0. */
export function versionCondition(builder: ExpressionBuilder, expected: number): string {
  const version = builder.name('version');
  return expected === 0
    ? `(attribute_not_exists(${version}) OR ${version} = ${builder.value(0)})`
    : `${version} = ${builder.value(expected)}`;
}
