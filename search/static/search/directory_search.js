// The directory search page, enhanced. Everything here also works without JavaScript: the form
// submits to "#results-count", so the page lands on the results heading after Search, Apply or
// Sort; the filters are then simply shown above the results.
const form = document.getElementById("directory-search");
const toggle = document.getElementById("filter-toggle");
const phone = window.matchMedia("(max-width: 40.0525em)");

// Shorter shareable addresses: leave empty fields out of the search URL.
function searchUrl(submitter) {
  const data = new FormData(form, submitter);
  const params = new URLSearchParams();
  for (const [name, value] of data) {
    if (typeof value === "string" && value.trim() !== "") params.append(name, value);
  }
  if (params.get("sort") === "relevance") params.delete("sort");
  const url = new URL(form.action, window.location.href);
  url.search = params.toString();
  return url;
}

function resultsHeading() {
  return document.getElementById("results-count");
}

// "Show 12 results" on a phone, where the filters cover the results; "Apply filters" elsewhere.
function labelApplyButton() {
  const button = form.querySelector(".localoffer-facets__apply");
  const heading = resultsHeading();
  if (!button || !heading) return;
  const total = Number(heading.dataset.total || 0);
  button.textContent = phone.matches
    ? `Show ${total} result${total === 1 ? "" : "s"}`
    : "Apply filters";
}

// GOV.UK's filter pattern on a phone: the filters fold away behind a "Filter" button.
function setFiltersOpen(open) {
  form.classList.toggle("localoffer-facets--closed", !open);
  toggle.setAttribute("aria-expanded", String(open));
}

let controller = null;
let timer = null;

// Ticking a filter: fetch the same page for the new selection and swap in the results and the
// counts. The heading is a polite live region, so its new text is announced.
async function refresh() {
  const url = searchUrl();
  url.hash = "";
  controller?.abort();
  controller = new AbortController();
  let doc;
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      headers: { "X-Requested-With": "fetch" },
    });
    if (!response.ok) return;
    doc = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch {
    return; // aborted or offline: Apply still submits the form
  }
  const body = doc.getElementById("search-results-body");
  const heading = doc.getElementById("results-count");
  if (!body || !heading) return;
  document.getElementById("search-results-body").replaceWith(document.adoptNode(body));
  const current = resultsHeading();
  current.dataset.total = heading.dataset.total;
  current.textContent = heading.textContent.trim().replace(/\s+/g, " ");
  for (const input of form.querySelectorAll(".govuk-checkboxes__input")) {
    const count = form.querySelector(`label[for="${input.id}"] .localoffer-facets__count`);
    const fresh = doc.querySelector(`label[for="${input.id}"] .localoffer-facets__count`);
    if (count && fresh) count.textContent = fresh.textContent;
  }
  labelApplyButton();
  window.history.replaceState(null, "", `${url.pathname}${url.search}`);
}

if (form) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.assign(searchUrl(event.submitter).toString());
  });
  form.addEventListener("change", (event) => {
    if (!event.target.matches(".govuk-checkboxes__input")) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 200);
  });
  if (toggle) {
    toggle.hidden = false;
    setFiltersOpen(!phone.matches);
    toggle.addEventListener("click", () => {
      setFiltersOpen(form.classList.contains("localoffer-facets--closed"));
    });
    phone.addEventListener("change", () => {
      setFiltersOpen(!phone.matches);
      labelApplyButton();
    });
  }
  labelApplyButton();
  // Landing on the results after a search: move focus there too, for screen readers.
  if (window.location.hash === "#results-count") resultsHeading()?.focus({ preventScroll: true });
}
