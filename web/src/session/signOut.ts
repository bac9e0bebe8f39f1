import { readCookie } from '@/api/client';

/**
 * Signs out with a real form post, as Spring Security expects: the gateway ends its session, then
 * sends the browser to Keycloak to end the single sign-on session too, and back to the app.
 */
export function signOut(): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const csrf = document.createElement('input');
  csrf.type = 'hidden';
  csrf.name = '_csrf';
  csrf.value = readCookie('XSRF-TOKEN') ?? '';
  form.appendChild(csrf);
  document.body.appendChild(form);
  form.submit();
}
