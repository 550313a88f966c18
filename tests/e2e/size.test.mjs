// The bundle size budget, measured on the release build the other tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './lib/harness.mjs';
import { BUDGET_BROTLI_BYTES, BUDGET_CODE_BROTLI_BYTES, format, measure } from '../../tools/size-report.mjs';

test(`the whole release bundle is at most ${BUDGET_BROTLI_BYTES} bytes brotli`, () => {
  const sizes = measure(DIST);
  const wasm = sizes.parts.find((p) => p.kind === 'wasm');
  assert.equal(wasm.files.length, 1, 'exactly one wasm file was built');
  assert.ok(sizes.total.brotli <= BUDGET_BROTLI_BYTES, format(sizes));
});

test(`the code (wasm, JS, CSS, HTML) is at most ${BUDGET_CODE_BROTLI_BYTES} bytes brotli`, () => {
  const sizes = measure(DIST);
  assert.ok(sizes.code.brotli <= BUDGET_CODE_BROTLI_BYTES, format(sizes));
});
