import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

export const COMPOSE_PATH = join(REPO_ROOT, 'docker-compose.yml');

/**
 * Compose's variable substitution for the forms our file uses: `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?error}` (required: throws when unset or empty), `${VAR}`, `$VAR` and
 * `$$` for a literal dollar.
 */
export function interpolate(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  return text.replace(
    /\$\$|\$\{(\w+)(?:(:?-|:\?)([^}]*))?\}|\$(\w+)/g,
    (whole, braced?: string, operator?: string, fallback?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const name = braced ?? bare ?? '';
      const value = env[name];
      const unset = operator?.startsWith(':')
        ? value === undefined || value === ''
        : value === undefined;
      if (unset && operator === ':?') throw new Error(`${name}: ${fallback}`);
      return unset ? (fallback ?? '') : (value ?? '');
    },
  );
}

/**
 * Every `${VAR…}` the compose file substitutes, with its default when it has one and whether it
 * is required (`${VAR:?…}`).
 */
export function composeVariables(
  text: string,
): { name: string; fallback: string | undefined; required: boolean }[] {
  return [...text.matchAll(/(?<!\$)\$\{(\w+)(?:(:?-|:\?)([^}]*))?\}/g)].map((m) => ({
    name: m[1] ?? '',
    fallback: m[2] === ':?' ? undefined : m[3],
    required: m[2] === ':?',
  }));
}

/** Sample values for the required variables, as a .env would give them. */
export const REQUIRED_SAMPLE = {
  MONGO_ROOT_USERNAME: 'driftwatch',
  MONGO_ROOT_PASSWORD: 'sample0secret',
};

const serviceSchema = z.object({
  image: z.string(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  profiles: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  entrypoint: z.array(z.string()).optional(),
  command: z.array(z.string()).optional(),
});

export const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.null()),
});

export type ComposeService = z.infer<typeof serviceSchema>;

export function rawComposeText(): string {
  return readFileSync(COMPOSE_PATH, 'utf8');
}

/** The compose file as compose sees it with a .env of only the required variables. */
export function loadCompose(): z.infer<typeof composeSchema> {
  return composeSchema.parse(
    parse(interpolate(rawComposeText(), REQUIRED_SAMPLE), { merge: true }),
  );
}
