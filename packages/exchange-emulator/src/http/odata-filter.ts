import { errors } from './graph-error.ts';

/**
 * A small OData `$filter` engine: comparisons, and/or/not, parentheses, startswith/endswith/
 * contains, and `any`/`all` lambdas — enough for the filters Mailroom and the docs use.
 */
type Operand =
  | { kind: 'path'; segments: string[] }
  | { kind: 'literal'; value: string | number | boolean | null; datetime?: number };
type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Operand; right: Operand }
  | { kind: 'call'; name: 'startswith' | 'endswith' | 'contains'; args: Operand[] }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; collection: string[]; variable: string; body: Expr }
  | { kind: 'bool'; operand: Operand };

/** Resolves a property path (`['receivedDateTime']`, `['from','emailAddress','address']`) on an item. */
export type Accessor<T> = (item: T, segments: string[]) => unknown;
export type Predicate<T> = (item: T) => boolean;

type Token = { type: 'punct' | 'string' | 'word'; text: string };

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function invalid(filter: string): never {
  throw errors.badRequest(`Invalid filter clause: ${filter}`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if ('(),:'.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= filter.length) invalid(filter);
        if (filter[i] === "'") {
          if (filter[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += filter[i++];
      }
      tokens.push({ type: 'string', text });
    } else {
      const pattern = /[0-9-]/.test(c) ? /[0-9A-Za-z:.+-]/ : /[A-Za-z0-9_./$@]/;
      let text = '';
      while (i < filter.length && pattern.test(filter[i]!)) text += filter[i++];
      if (text === '') invalid(filter);
      tokens.push({ type: 'word', text });
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Expr {
    const expr = this.or();
    if (this.position !== this.tokens.length) invalid(this.source);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) invalid(this.source);
    return token;
  }
  private expect(text: string): void {
    if (this.take().text !== text) invalid(this.source);
  }
  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.type === 'word' && token.text.toLowerCase() === text;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.position++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.unary();
    while (this.isWord('and')) {
      this.position++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isWord('not')) {
      this.position++;
      return { kind: 'not', expr: this.unary() };
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const token = this.peek();
    if (token?.type === 'punct' && token.text === '(') {
      this.position++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const word = token?.type === 'word' ? token.text : '';
    const call = word.toLowerCase();
    if (
      (call === 'startswith' || call === 'endswith' || call === 'contains') &&
      this.tokens[this.position + 1]?.text === '('
    ) {
      this.position += 2;
      const args = [this.operand()];
      this.expect(',');
      args.push(this.operand());
      this.expect(')');
      return { kind: 'call', name: call, args };
    }
    const lambda = /^(.*)\/(any|all)$/i.exec(word);
    if (lambda && this.tokens[this.position + 1]?.text === '(') {
      this.position += 2;
      const variable = this.take();
      if (variable.type !== 'word') invalid(this.source);
      this.expect(':');
      const body = this.or();
      this.expect(')');
      return {
        kind: 'lambda',
        quantifier: lambda[2]!.toLowerCase() as 'any' | 'all',
        collection: lambda[1]!.split('/'),
        variable: variable.text,
        body,
      };
    }
    const left = this.operand();
    const op = this.peek();
    if (op?.type === 'word' && COMPARISONS.has(op.text.toLowerCase())) {
      this.position++;
      return { kind: 'cmp', op: op.text.toLowerCase() as 'eq', left, right: this.operand() };
    }
    return { kind: 'bool', operand: left };
  }
  private operand(): Operand {
    const token = this.take();
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type !== 'word') invalid(this.source);
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
    if (lower === 'null') return { kind: 'literal', value: null };
    if (DATETIME.test(token.text)) {
      const ms = Date.parse(token.text);
      if (Number.isNaN(ms)) invalid(this.source);
      return { kind: 'literal', value: token.text, datetime: ms };
    }
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return { kind: 'literal', value: Number(token.text) };
    if (!/^[A-Za-z_$@]/.test(token.text)) invalid(this.source);
    return { kind: 'path', segments: token.text.split('/') };
  }
}

function compare(op: string, a: unknown, b: unknown, datetime: boolean): boolean {
  if (
    datetime ||
    (typeof a === 'string' &&
      typeof b === 'string' &&
      DATETIME.test(a) &&
      DATETIME.test(b) &&
      op !== 'eq' &&
      op !== 'ne')
  ) {
    const x = typeof a === 'string' ? Date.parse(a) : NaN;
    const y = typeof b === 'string' ? Date.parse(b) : NaN;
    if (Number.isNaN(x) || Number.isNaN(y)) return op === 'ne';
    a = x;
    b = y;
  } else if (typeof a === 'string' && typeof b === 'string') {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  switch (op) {
    case 'eq':
      return a === b || (a == null && b == null);
    case 'ne':
      return !(a === b || (a == null && b == null));
    default: {
      if (a == null || b == null) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === 'gt' ? x > y : op === 'ge' ? x >= y : op === 'lt' ? x < y : x <= y;
    }
  }
}

/** Compiles `$filter` into a predicate; throws 400 BadRequest on anything it cannot parse. */
export function compileFilter<T>(filter: string, accessor: Accessor<T>): Predicate<T> {
  const expr = new Parser(tokenize(filter), filter).parse();
  type Scope = Map<string, unknown>;
  const value = (operand: Operand, item: T, scope: Scope): unknown => {
    if (operand.kind === 'literal') return operand.value;
    const [head, ...rest] = operand.segments;
    if (head !== undefined && scope.has(head))
      return rest.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], scope.get(head));
    return accessor(item, operand.segments);
  };
  const evaluate = (node: Expr, item: T, scope: Scope): boolean => {
    switch (node.kind) {
      case 'and':
        return evaluate(node.left, item, scope) && evaluate(node.right, item, scope);
      case 'or':
        return evaluate(node.left, item, scope) || evaluate(node.right, item, scope);
      case 'not':
        return !evaluate(node.expr, item, scope);
      case 'bool':
        return value(node.operand, item, scope) === true;
      case 'cmp': {
        const datetime =
          (node.left.kind === 'literal' && node.left.datetime !== undefined) ||
          (node.right.kind === 'literal' && node.right.datetime !== undefined);
        return compare(node.op, value(node.left, item, scope), value(node.right, item, scope), datetime);
      }
      case 'call': {
        const [a, b] = node.args.map((arg) => value(arg, item, scope));
        if (typeof a !== 'string' || typeof b !== 'string') return false;
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return node.name === 'startswith' ? x.startsWith(y) : node.name === 'endswith' ? x.endsWith(y) : x.includes(y);
      }
      case 'lambda': {
        const collection = value({ kind: 'path', segments: node.collection }, item, scope);
        const elements = Array.isArray(collection) ? collection : [];
        const test = (element: unknown) => evaluate(node.body, item, new Map(scope).set(node.variable, element));
        return node.quantifier === 'any' ? elements.some(test) : elements.every(test);
      }
    }
  };
  return (item) => evaluate(expr, item, new Map());
}

/** Reads a nested property from a plain object by path. */
export function plainAccessor(item: object, segments: string[]): unknown {
  return segments.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], item);
}
