import { describe, expect, it } from 'vitest';
import { siteNameParts, siteNameText } from './site-name.ts';

describe('site names', () => {
  it('passes plain names through', () => {
    expect(siteNameParts('Park A')).toEqual({ primary: 'Park A', secondary: null });
    expect(siteNameText('Park A')).toBe('Park A');
  });
  it('puts English first and Chinese beside it', () => {
    expect(siteNameParts({ en: 'Coastal Chemical Park', zh: '沿海化工园区' })).toEqual({ primary: 'Coastal Chemical Park', secondary: '沿海化工园区' });
    expect(siteNameText({ en: 'Coastal Chemical Park', zh: '沿海化工园区' })).toBe('Coastal Chemical Park 沿海化工园区');
  });
});
