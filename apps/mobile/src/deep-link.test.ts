import { parseDeepLink } from './deep-link';

describe('parseDeepLink', () => {
  it('reads the app scheme with the page as host or path', () => {
    expect(parseDeepLink('ielts-genai-prep://verify-email?token=abc123')).toEqual({ kind: 'verify-email', token: 'abc123' });
    expect(parseDeepLink('ielts-genai-prep:///reset-password?token=a%2Bb%3D')).toEqual({ kind: 'reset-password', token: 'a+b=' });
    expect(parseDeepLink('IELTS-GENAI-PREP://Verify-Email/?other=1&token=t-1#x')).toEqual({ kind: 'verify-email', token: 't-1' });
  });

  it('reads the links the server emails, on whatever host', () => {
    expect(parseDeepLink('https://app.example.com/reset-password?token=xyz')).toEqual({ kind: 'reset-password', token: 'xyz' });
    expect(parseDeepLink('http://localhost:3000/verify-email?token=q')).toEqual({ kind: 'verify-email', token: 'q' });
  });

  it('reads Expo Go’s links to a project in development', () => {
    expect(parseDeepLink('exp://192.168.1.20:8081/--/verify-email?token=abc')).toEqual({ kind: 'verify-email', token: 'abc' });
  });

  it('ignores other links, other schemes and links without a token', () => {
    for (const url of [
      'ielts-genai-prep://home',
      'ielts-genai-prep://verify-email',
      'ielts-genai-prep://verify-email?token=',
      'https://app.example.com/assessments/a1',
      'mailto:someone@example.com',
      'exp://192.168.1.20:8081/verify-email?token=abc',
      'not a url',
      'ielts-genai-prep://reset-password?token=%E0%A4%A',
    ]) {
      expect(parseDeepLink(url)).toBeNull();
    }
  });
});
