// The writer's preview only (the built page has no script): reload when plainpress says the guide
// changed, and let Esc put away an open hint (WCAG 1.4.13) until focus or the pointer moves on.
(() => {
  const since = document.currentScript.dataset.since;
  const events = new EventSource("/events?since=" + since);
  events.onmessage = () => { events.close(); location.reload(); };
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") document.body.classList.add("pp-quiet");
  });
  for (const type of ["focusin", "mouseover"]) {
    document.addEventListener(type, () => document.body.classList.remove("pp-quiet"));
  }
})();
