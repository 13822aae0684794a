// Moving between pages: the address's #fragment names the page, so the back button, bookmarks
// and a reload all work without a server-side router.

export function go(path) {
  if (window.location.hash === `#${path}`) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else window.location.hash = path;
}
