import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/**
 * Checks a Teams app manifest against Microsoft's JSON schema, offline.
 *
 * @microsoft/app-manifest ships every published Teams schema (build/json-schemas/teams/v1.x).
 * Its `validateAgainstSchema(manifest)` looks the `$schema` URL up among them but falls back to
 * fetching it over the network, which this project must never depend on (builds run without
 * internet). So the schema file is read here, from the package, and handed to
 * `validateAgainstSchema(manifest, schema)`, which then never fetches anything. A `$schema` the
 * package doesn't hold is reported as an error rather than fetched.
 */

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** developer.microsoft.com schema URLs, with or without a locale segment such as `en-us/`. */
const teamsSchemaUrl =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

const bundledSchemas = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');

const schemaCache = new Map<string, Promise<ManifestSchema | undefined>>();

/** Returns the schema errors, as "<json pointer> <message>" lines; an empty list means valid. */
export async function validateManifest(manifest: object): Promise<string[]> {
  const schemaUrl: unknown = '$schema' in manifest ? manifest.$schema : undefined;
  if (typeof schemaUrl !== 'string') return ['/$schema is missing: it names the manifest schema version'];
  const version = teamsSchemaUrl.exec(schemaUrl)?.[1];
  if (!version) return [`/$schema ${schemaUrl} is not a Microsoft Teams app manifest schema URL`];
  const schema = await bundledSchema(version);
  if (!schema) return [`/$schema ${schemaUrl}: @microsoft/app-manifest has no bundled schema ${version}`];
  // The library's manifest type is a union of every version's shape; the schema is the judge here.
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}

function bundledSchema(version: string): Promise<ManifestSchema | undefined> {
  let schema = schemaCache.get(version);
  if (!schema) {
    schema = readSchema(path.join(bundledSchemas, version, 'MicrosoftTeams.schema.json'));
    schemaCache.set(version, schema);
  }
  return schema;
}

async function readSchema(file: string): Promise<ManifestSchema | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // The clean-up the library itself applies to the schemas it loads: some published schemas use
  // the regex escape \a, which JavaScript's unicode-mode RegExp (used by ajv) rejects.
  const cleaned = text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(cleaned) as ManifestSchema;
}
