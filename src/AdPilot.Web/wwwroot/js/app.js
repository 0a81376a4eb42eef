// Small browser helpers: theme preference, cookie consent, sign-out form.
window.adpilot = {
  theme: {
    get: () => localStorage.getItem("adpilot.theme"),
    set: (value) => localStorage.setItem("adpilot.theme", value),
  },
  signOut: (formId = "logout-form") => document.getElementById(formId)?.requestSubmit(),
  // Settings > Data & privacy reads and changes the same choice the banner stores.
  cookieConsent: {
    get: () => { try { return JSON.parse(localStorage.getItem("adpilot.cookieConsent") ?? "null")?.choice ?? null; } catch { return null; } },
    set: (choice) => {
      localStorage.setItem("adpilot.cookieConsent", JSON.stringify({ choice, at: new Date().toISOString() }));
      const banner = document.getElementById("cookie-consent");
      if (banner) banner.hidden = true;
    },
  },
  // Lets a visitor change the cookie choice later: forget it and show the banner again.
  cookieSettings: () => {
    localStorage.removeItem("adpilot.cookieConsent");
    const banner = document.getElementById("cookie-consent");
    if (banner) banner.hidden = false;
  },
};

// The footer's "Cookie settings" button: a delegated listener, since the Content-Security-Policy allows no inline handlers
// (and the footer is re-rendered by Blazor, so a listener bound once to the element would be lost).
document.addEventListener("click", (e) => {
  if (e.target instanceof Element && e.target.closest("[data-cookie-settings]")) window.adpilot.cookieSettings();
});

(function cookieConsent() {
  const key = "adpilot.cookieConsent";
  const show = () => {
    const banner = document.getElementById("cookie-consent");
    if (!banner || banner.dataset.bound) return;
    banner.dataset.bound = "1";
    if (!localStorage.getItem(key)) banner.hidden = false;
    banner.addEventListener("click", (e) => {
      const choice = e.target?.dataset?.consent;
      if (!choice) return;
      window.adpilot.cookieConsent.set(choice);
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
