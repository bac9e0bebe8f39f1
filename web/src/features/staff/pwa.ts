// Staff mode installs the service worker (app shell and staff screens offline, an installable app).
// Only in a production build: the dev server has no service worker.
let registered = false;

export async function registerStaffServiceWorker(): Promise<void> {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  try {
    const { registerSW } = await import('virtual:pwa-register');
    registerSW({ immediate: true });
  } catch {
    registered = false;
  }
}
