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

/** The corpus's cases (tests/data/broken.tsv): each a patch to the minimal valid file. */
function brokenCases() {
  const minimal = read('tests/data/minimal-valid.json');
  return readFileSync(root + 'tests/data/broken.tsv', 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [name, patches, kind] = l.split('\t');
      let data = structuredClone(minimal);
      let json = true;
      for (const patch of patches.split(' && ')) {
        const [verb, rest] = [patch.slice(0, patch.indexOf(' ')), patch.slice(patch.indexOf(' ') + 1)];
        if (verb === 'text' || verb === 'append') {
          // A whole text stands in for the file: the schema can judge it only if it is JSON.
          try { data = JSON.parse(verb === 'text' ? JSON.parse(rest) : '!'); } catch { json = false; }
          continue;
        }
        const [pointer, value] = [rest.split(' ')[0], rest.slice(rest.indexOf(' ') + 1)];
        const keys = pointer.split('/').slice(1);
        const parent = keys.slice(0, -1).reduce((at, k) => at[k], data);
        const last = keys.at(-1);
        if (verb === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
        else if (verb === 'fill') parent[last] = value.split(' ')[0].repeat(Number(value.split(' ')[1]));
        else parent[last] = JSON.parse(value);
      }
      return { name, kind, data, json };
    });
}

test('the schema rejects the broken files whose fault is one of shape', () => {
  const structural = brokenCases().filter((c) => c.kind === 'structure' && c.json);
  assert.ok(structural.length >= 10);
  for (const { name, data } of structural) {
    assert.equal(validate(data), false, `${name} should not match the schema`);
  }
});
