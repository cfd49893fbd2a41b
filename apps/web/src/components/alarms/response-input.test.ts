import { describe, expect, it } from 'vitest';
import { checkResponseInput, RESPONSE_PHOTO_MAX_KB } from './response-input.ts';

const CASES: Array<{ title: string; note: unknown; photo: unknown; ok: boolean; error?: RegExp }> = [
  { title: 'a note alone', note: '  plan started  ', photo: null, ok: true },
  { title: 'a note and a JPEG', note: 'plan started', photo: 'data:image/jpeg;base64,AAAA', ok: true },
  { title: 'no note', note: ' a ', photo: null, ok: false, error: /at least 3/ },
  { title: 'a note that is not text', note: 42, photo: null, ok: false, error: /note/ },
  { title: 'a photo that is not an image', note: 'plan started', photo: 'data:text/html;base64,AAAA', ok: false, error: /PNG, JPEG or WebP/ },
  { title: 'a photo too large', note: 'plan started', photo: `data:image/png;base64,${'A'.repeat(RESPONSE_PHOTO_MAX_KB * 1_024)}`, ok: false, error: /larger than/ },
];

describe('checkResponseInput', () => {
  for (const c of CASES) {
    it(c.title, () => {
      const checked = checkResponseInput(c.note, c.photo);
      expect(checked.ok, c.title).toBe(c.ok);
      if (!checked.ok) expect(checked.error, c.title).toMatch(c.error!);
      else expect(checked.note, c.title).toBe(String(c.note).trim());
    });
  }
});
