// The page's own behaviour (no inline script: the page's Content-Security-Policy allows
// scripts from this server only).

// A file the app hands over downloads in place: textual.js opens a new tab for it, which a
// popup blocker may stop; a link with the download attribute needs no new tab.
const openWindow = window.open.bind(window);
window.open = (url, target, features) => {
  const address = new URL(url, window.location.href);
  if (address.origin === window.location.origin && address.pathname.startsWith("/download/")) {
    const link = document.createElement("a");
    link.href = address.href;
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
    return null;
  }
  return openWindow(url, target, features);
};

// The "start again" button after the app has ended.
window.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-restart]")) {
    button.addEventListener("click", () => { window.location.reload(); });
  }
});
