// The published JSON Schema, checked by an independent validator (ajv) against the real files:
// data authors who validate with their own tools get the same verdict as the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p) => JSON.parse(readFileSync(root + p, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false, formats: { uint8: true, uint32: true } }).compile(read('data/schema.json'));

test('the bundled dataset and the minimal example match data/schema.json', () => {
  for (const file of ['data/trd-evidence.json', 'tests/data/minimal-valid.json']) {
    assert.ok(validate(read(file)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('the schema rejects the broken files whose fault is one of shape', () => {
  const manifest = readFileSync(root + 'tests/data/broken/EXPECTED.tsv', 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  const structural = manifest.filter(([, kind]) => kind === 'structure');
  assert.ok(structural.length >= 10);
  for (const [file] of structural) {
    const data = read('tests/data/broken/' + file);
    assert.equal(validate(data), false, `${file} should not match the schema`);
  }
});
