import type { RouteDefinition } from '../shared/routes';

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: RouteDefinition; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal segments count: `/dialogues/demo` prefers a literal route over `/dialogues/{id}`, as API Gateway does. */
  readonly literalSegments: number;
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)(\+)?\}$/.exec(segment);
      if (!param) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      names.push(param[1] as string);
      return param[2] ? '/(.+)' : '/([^/]+)';
    })
    .join('');
  return {
    route,
    pattern: new RegExp(`^${source || '/'}$`),
    names,
    literalSegments: segments.filter((s) => !s.startsWith('{')).length,
  };
}

/** Matches paths to manifest routes the way API Gateway's HTTP API does (most specific route wins). */
export function routeTable(routes: readonly RouteDefinition[]) {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return (method: string, path: string): RouteMatch => {
    const allowed: string[] = [];
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      if (candidate.route.method !== method) {
        allowed.push(candidate.route.method);
        continue;
      }
      const pathParameters = Object.fromEntries(
        candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]),
      );
      return { kind: 'found', route: candidate.route, pathParameters };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'not-found' };
  };
}
