import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { COLOR_ICON_SIZE, colorIcon, OUTLINE_ICON_SIZE, outlineIcon } from '../manifest/icons';
import { buildManifest, DSA_SIGNATURE_ACTIVITY, MANIFEST_SCHEMA_URL, type ManifestOptions } from '../manifest/manifest';
import { buildAppPackage, InvalidManifestError } from '../manifest/package';
import { validateManifest } from '../manifest/validate';

const options: ManifestOptions = {
  teamsAppId: '8b0c6f0e-4d2a-4f55-9a3e-2f1d8d0a5a11',
  botAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  botDomain: 'dars-bot.example.nhs.uk',
  publisherName: 'NHS England',
  publisherWebsite: 'https://digital.nhs.uk/services/data-access-request-service-dars',
  version: '0.1.0',
};

describe('Teams app manifest', () => {
  // Every test here must pass with no network: fail loudly if anything tries to fetch.
  const realFetch = globalThis.fetch;
  let fetches: string[] = [];
  beforeEach(() => {
    fetches = [];
    globalThis.fetch = (input: string | URL | Request): Promise<Response> => {
      fetches.push(String(input));
      return Promise.reject(new Error('no network in tests'));
    };
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    assert.deepEqual(fetches, [], 'nothing is fetched over the network');
  });

  it('validates against Microsoft’s bundled schema with no errors', async () => {
    const manifest = buildManifest(options);
    assert.equal(manifest.$schema, MANIFEST_SCHEMA_URL);
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('has one conversational bot, in personal and team scopes, with the bot id', () => {
    const manifest = buildManifest(options);
    assert.equal(manifest.id, options.teamsAppId);
    assert.equal(manifest.bots?.length, 1);
    const [bot] = manifest.bots ?? [];
    assert.equal(bot?.botId, options.botAppId);
    assert.deepEqual(bot?.scopes, ['personal', 'team']);
    assert.equal(bot?.supportsFiles, true);
    assert.equal(bot?.isNotificationOnly, false);
    const commands = (scope: 'personal' | 'team'): string[] =>
      bot?.commandLists?.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
    assert.deepEqual(commands('personal'), ['help', 'status', 'new enquiry', 'cancel']);
    assert.deepEqual(commands('team'), ['queue', 'mine', 'overdue', 'case']);
  });

  it('declares what Graph activity-feed notifications need', () => {
    const manifest = buildManifest(options);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: options.botAppId,
      resource: `api://dars-bot.example.nhs.uk/${options.botAppId}`,
    });
    assert.deepEqual(manifest.activities?.activityTypes, [
      {
        type: DSA_SIGNATURE_ACTIVITY,
        description: 'A Data Sharing Agreement is waiting for your signature',
        templateText: '{actor} asked you to sign the DSA for {caseReference}',
      },
    ]);
    const rsc = manifest.authorization?.permissions?.resourceSpecific?.map((p) => `${p.type}:${p.name}`);
    assert.deepEqual(rsc, ['Application:TeamsActivity.Send.User', 'Application:TeamsActivity.Send.Group']);
  });

  it('lists the bot domain as valid, as a host, and leaves localhost out', async () => {
    assert.deepEqual(buildManifest(options).validDomains, ['dars-bot.example.nhs.uk']);
    assert.deepEqual(buildManifest({ ...options, botDomain: 'https://Bot.Example.org/' }).validDomains, [
      'bot.example.org',
    ]);
    const local = buildManifest({ ...options, botDomain: 'localhost', botAppId: options.teamsAppId });
    assert.equal(local.validDomains, undefined);
    assert.equal(local.bots?.[0]?.botId, options.teamsAppId);
    assert.deepEqual(await validateManifest(local), []);
  });

  it('derives the developer links from the publisher website', () => {
    const { developer } = buildManifest(options);
    assert.equal(developer.websiteUrl, options.publisherWebsite);
    assert.equal(developer.privacyUrl, `${options.publisherWebsite}/privacy`);
    assert.equal(developer.termsOfUseUrl, `${options.publisherWebsite}/terms-of-use`);
  });

  describe('the validator can fail', () => {
    it('reports an accent colour that is not a hex colour', async () => {
      const errors = await validateManifest({ ...buildManifest(options), accentColor: 'blue' });
      assert.ok(errors.some((e) => e.startsWith('/accentColor ')), errors.join('\n'));
    });

    it('reports a bot without a botId', async () => {
      const manifest = buildManifest(options);
      const bots = manifest.bots?.map(({ botId: _botId, ...rest }) => rest);
      const errors = await validateManifest({ ...manifest, bots });
      assert.ok(errors.some((e) => e.startsWith('/bots/0 ') && e.includes('botId')), errors.join('\n'));
    });

    it('reports a schema it does not hold instead of fetching it', async () => {
      const manifest = { ...buildManifest(options), $schema: 'https://example.org/teams.schema.json' };
      const errors = await validateManifest(manifest);
      assert.equal(errors.length, 1);
      assert.match(errors[0] ?? '', /not a Microsoft Teams app manifest schema URL/);
    });

    it('refuses to package an invalid manifest', async () => {
      await assert.rejects(buildAppPackage({ ...options, teamsAppId: 'not-a-guid' }), InvalidManifestError);
    });
  });

  describe('the app package', () => {
    it('holds manifest.json and the two icons at the root of the zip', async () => {
      const zip = await JSZip.loadAsync(await buildAppPackage(options));
      assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const manifest: unknown = JSON.parse(await zip.file('manifest.json')!.async('string'));
      assert.deepEqual(manifest, JSON.parse(JSON.stringify(buildManifest(options))));
      assert.deepEqual(await zip.file('color.png')!.async('nodebuffer'), await colorIcon());
      assert.deepEqual(await zip.file('outline.png')!.async('nodebuffer'), await outlineIcon());
    });

    it('is the same bytes every time', async () => {
      assert.deepEqual(await buildAppPackage(options), await buildAppPackage(options));
    });
  });

  describe('icons', () => {
    it('colour icon (manifest/color.png) is a 192×192 PNG, opaque, NHS blue and white', async () => {
      const png = readPng(await colorIcon());
      assert.equal(png.width, COLOR_ICON_SIZE);
      assert.equal(png.height, COLOR_ICON_SIZE);
      assert.equal(png.width, 192);
      const colours = new Set(png.pixels().map(([r, g, b, a]) => `${r},${g},${b},${a}`));
      assert.ok(colours.has('0,94,184,255'), 'has NHS blue #005EB8');
      assert.ok(colours.has('255,255,255,255'), 'has white');
      assert.ok(png.pixels().every(([, , , a]) => a === 255), 'fully opaque');
    });

    it('outline icon (manifest/outline.png) is a 32×32 PNG of only white or transparent pixels', async () => {
      const png = readPng(await outlineIcon());
      assert.equal(png.width, OUTLINE_ICON_SIZE);
      assert.equal(png.height, OUTLINE_ICON_SIZE);
      assert.equal(png.width, 32);
      const pixels = png.pixels();
      const white = pixels.filter(([r, g, b, a]) => r === 255 && g === 255 && b === 255 && a === 255).length;
      const transparent = pixels.filter(([, , , a]) => a === 0).length;
      assert.equal(white + transparent, pixels.length, 'every pixel is white or transparent');
      assert.ok(white > 0 && transparent > 0, 'draws something, on a transparent background');
    });
  });
});

/**
 * Just enough PNG decoding for the icons: IHDR, and 8-bit RGBA pixels under any of the five row
 * filters (an image editor's export may use any of them).
 */
function readPng(file: Buffer): { width: number; height: number; pixels: () => number[][] } {
  assert.deepEqual(file.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    assert.equal(file.readUInt32BE(offset + 8 + length), zlib.crc32(file.subarray(offset + 4, offset + 8 + length)));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  const types = chunks.map((c) => c.type);
  assert.equal(types[0], 'IHDR');
  assert.equal(types.at(-1), 'IEND');
  assert.ok(types.slice(1, -1).every((t) => t === 'IDAT') && types.length > 2, types.join(' '));
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  assert.equal(header[8], 8, 'bit depth 8');
  assert.equal(header[9], 6, 'colour type RGBA');
  const pixels = (): number[][] => {
    const raw = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    assert.equal(raw.length, height * (width * 4 + 1));
    const stride = width * 4;
    const rows: Buffer[] = [];
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)]!;
      const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
      const above = rows[y - 1] ?? Buffer.alloc(stride);
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? row[i - 4]! : 0;
        const up = above[i]!;
        const upLeft = i >= 4 ? above[i - 4]! : 0;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
        assert.ok(predictor !== undefined, `PNG row filter ${filter}`);
        row[i] = (row[i]! + predictor) & 0xff;
      }
      rows.push(row);
    }
    const result: number[][] = [];
    for (const row of rows) for (let x = 0; x < width; x++) result.push([...row.subarray(x * 4, x * 4 + 4)]);
    return result;
  };
  return { width, height, pixels };
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}
