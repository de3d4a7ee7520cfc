// Shortlist enhancements: the "Print this list" button. Saving and removing work without
// JavaScript (a POST that comes back to the page), so nothing else is needed here.
for (const button of document.querySelectorAll('[data-module="localoffer-print"]')) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
