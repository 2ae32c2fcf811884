// The "start again" button after the app has ended (no inline script: the page's
// Content-Security-Policy allows scripts from this server only).
window.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-restart]")) {
    button.addEventListener("click", () => { window.location.reload(); });
  }
});
