// Shortlist enhancements: the "Print this list" button. Saving and removing work without
// JavaScript (a POST that comes back to the page), so nothing else is needed here.
for (const button of document.querySelectorAll('[data-module="localoffer-print"]')) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// "Copy link": puts the shareable address on the clipboard. Without JavaScript (or clipboard
// access) the address is still there to select and copy by hand.
for (const button of document.querySelectorAll('[data-module="localoffer-copy"]')) {
  const source = document.getElementById(button.dataset.copyFrom);
  const status = document.getElementById(`${button.dataset.copyFrom}-status`);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      if (status) status.textContent = "Link copied";
    } catch {
      source.select();
      if (status) status.textContent = "Select the link and copy it";
    }
  });
}
