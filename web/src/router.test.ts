import { describe, expect, it } from 'vitest';
import { parseHash } from './router.js';

describe('parseHash', () => {
  it('parseHash keeps a malformed escape as written instead of throwing', () => {
    expect(parseHash('#/en/actors/%E0%A4%A/x%').args).toEqual(['%E0%A4%A', 'x%']);
  });
  it('parseHash decodes well-formed escapes', () => {
    expect(parseHash('#/ar/actors/%D8%A7').args).toEqual(['ا']);
  });
});
