// Placeholder page until the web module lands: proves the browser login, the session and the
// token relay end to end by showing the caller's member profile.
const cookie = (name) => document.cookie.split('; ').find((c) => c.startsWith(name + '='))?.split('=')[1];

document.getElementById('csrf').value = decodeURIComponent(cookie('XSRF-TOKEN') ?? '');

fetch('/api/members/me', { headers: { Accept: 'application/json' } })
  .then(async (response) => {
    const body = await response.json();
    const status = document.getElementById('status');
    if (!response.ok) {
      status.textContent = body.detail ?? `Error ${response.status}`;
      return;
    }
    status.textContent = `Signed in as ${body.displayName}`;
    document.getElementById('name').textContent = body.displayName;
    document.getElementById('email').textContent = body.email ?? '—';
    document.getElementById('since').textContent = new Date(body.createdAt).toLocaleString();
    document.getElementById('profile').hidden = false;
  })
  .catch(() => { document.getElementById('status').textContent = 'Quanzi is not reachable.'; });
