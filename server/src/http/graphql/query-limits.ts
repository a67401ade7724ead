import type {
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  SelectionSetNode,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { gql } from './graphql-runtime.js';

const {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
} = gql;

export interface QueryLimits {
  /** Deepest nesting of selections (a top-level field is depth 1). */
  readonly maxDepth: number;
  /** Largest estimated cost; see `queryLimitsRule`. */
  readonly maxCost: number;
}

/** How big the lists of a schema are assumed to be when the query does not say. */
export interface ListSizeHints {
  /** `Type.field` lists whose length a `limit` argument of the field above sets (pages), e.g. InstrumentPage.data. */
  readonly pages: ReadonlySet<string>;
  /** Default page size when no `limit` is given. */
  readonly defaultPageSize: number;
  /** Assumed lengths of other lists by `Type.field`. */
  readonly sizes: Readonly<Record<string, number>>;
  /** Assumed length of any other list. */
  readonly defaultSize: number;
}

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

const NOTHING: Measure = { depth: 0, cost: 0 };

/**
 * Refuses a query that nests deeper than `maxDepth` or whose estimated cost exceeds `maxCost`, during validation,
 * so nothing runs. Cost: a scalar field is free; an object field costs 1 plus what is selected inside it; a list
 * field costs its assumed length times (1 + what is selected inside one element). Lengths come from a `limit`
 * argument (also as a variable), else from the hints. Introspection (`__schema`, `__type`, `__typename`) is free
 * and not counted in depth, so tools can always read the schema.
 */
export const queryLimitsRule =
  (limits: QueryLimits, hints: ListSizeHints, variables: Record<string, unknown>): ValidationRule =>
  (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    const measurer = new Measurer(schema, fragments, hints, variables);
    return {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation);
        if (!root) {
          return;
        }
        const { depth, cost } = measurer.selections(node.selectionSet, root, null, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(
              `This query nests ${depth} levels deep; the limit is ${limits.maxDepth}. Select fewer nested fields, or split the query.`,
              { nodes: [node], extensions: { code: 'invalid_request' } },
            ),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(
              `This query's estimated cost is ${cost}; the limit is ${limits.maxCost}. Ask for smaller pages (limit) or fewer nested lists, or split the query.`,
              { nodes: [node], extensions: { code: 'invalid_request' } },
            ),
          );
        }
      },
    };
  };

class Measurer {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly hints: ListSizeHints,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** Depth and cost of a selection set on `parent`; `pageSize` is the `limit` of the field that holds it. */
  selections(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    pageSize: number | null,
    spreading: Set<string>,
  ): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let measured: Measure = NOTHING;
      if (selection.kind === Kind.FIELD) {
        measured = this.#field(selection, parent, pageSize, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        if (on && isCompositeType(on)) {
          measured = this.selections(selection.selectionSet, on, pageSize, spreading);
        }
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        // A fragment cycle is reported by the standard rules; here it must only not recurse forever.
        if (fragment && !spreading.has(name)) {
          const on = this.schema.getType(fragment.typeCondition.name.value);
          if (on && isCompositeType(on)) {
            measured = this.selections(
              fragment.selectionSet,
              on,
              pageSize,
              new Set([...spreading, name]),
            );
          }
        }
      }
      depth = Math.max(depth, measured.depth);
      cost += measured.cost;
    }
    return { depth, cost };
  }

  #field(
    node: Extract<SelectionSetNode['selections'][number], { kind: 'Field' }>,
    parent: GraphQLCompositeType,
    pageSize: number | null,
    spreading: Set<string>,
  ): Measure {
    const name = node.name.value;
    if (name.startsWith('__') || !isObjectType(parent)) {
      return NOTHING;
    }
    const definition: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
    if (!definition) {
      return NOTHING; // Unknown fields are reported by the standard rules.
    }
    const type = getNamedType(definition.type);
    if (!isCompositeType(type) || !node.selectionSet) {
      return { depth: 1, cost: 0 };
    }
    const limitArgument = node.arguments?.find((a) => a.name.value === 'limit');
    const limit = limitArgument ? this.#number(limitArgument.value) : null;
    const inner = this.selections(node.selectionSet, type, limit, spreading);
    const key = `${parent.name}.${name}`;
    const isList = isListType(getNullableType(definition.type));
    const length = !isList
      ? 1
      : this.hints.pages.has(key)
        ? (pageSize ?? this.hints.defaultPageSize)
        : (this.hints.sizes[key] ?? this.hints.defaultSize);
    return { depth: inner.depth + 1, cost: length * (1 + inner.cost) };
  }

  /** A literal or variable integer; anything else (left to the argument checks) counts as absent. */
  #number(value: ValueNode): number | null {
    const given =
      value.kind === Kind.INT
        ? Number(value.value)
        : value.kind === Kind.VARIABLE
          ? this.variables[value.name.value]
          : null;
    // Below 1 the argument check refuses the query anyway; it must not lower the estimate meanwhile.
    return typeof given === 'number' && Number.isFinite(given) ? Math.max(1, given) : null;
  }
}
